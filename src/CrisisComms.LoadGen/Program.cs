using CrisisComms.LoadGen.Cli;

return await Commands.RunAsync(args, Console.Out, Console.Error);
