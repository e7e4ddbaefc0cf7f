using CrisisComms.Server.Accounts;
using CrisisComms.Server.Audit;
using CrisisComms.Server.Backups;
using CrisisComms.Server.Configuration;
using CrisisComms.Server.Records;
using Serilog;

Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateBootstrapLogger();
try
{
    var builder = WebApplication.CreateBuilder(ContentRoot.Options(args));
    builder.AddCrisisComms();
    var app = builder.Build();
    if (UsersCommand.Matches(args)) return await UsersCommand.RunAsync(args, app.Services);
    if (AuditCommand.Matches(args)) return await AuditCommand.RunAsync(args, app.Services);
    if (BackupCommand.Matches(args)) return BackupCommand.Run(args, app.Services);
    if (RetentionCommand.Matches(args)) return await RetentionCommand.RunAsync(args, app.Services);
    if (ArchiveCommand.Matches(args)) return await ArchiveCommand.RunAsync(args, app.Services);
    app.MapCrisisComms();
    app.LogPaths();
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (e is not HostAbortedException)
{
    Log.Fatal(e, "CrisisComms stopped");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

public partial class Program;
