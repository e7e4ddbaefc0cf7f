Console.WriteLine("CrisisComms load generator: not written yet.");
