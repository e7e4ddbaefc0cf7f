using CrisisComms.Domain.Accounts;

namespace CrisisComms.Server.Accounts;

/// <summary>No account, no default password: the log says how to add the first one.</summary>
internal sealed class FirstStartNotice(IAccountStore accounts, ILogger<FirstStartNotice> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        try
        {
            if ((await accounts.ListAsync(ct)).Count > 0) return;
            logger.LogWarning("No accounts yet. Add one with: dotnet run --project src/CrisisComms.Server -- users add NAME --role admin "
                + "(the password is read from standard input; add officers with --role author, approver or director)");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Could not count the accounts: {Error}", e.Message);
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
