using CrisisComms.Domain.Accounts;
using CrisisComms.Domain.Audit;
using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Storage;
using CrisisComms.Server.Auth;

namespace CrisisComms.Server.Accounts;

/// <summary>
/// <c>users add NAME --role ROLE [--role ROLE] [--display-name TEXT]</c> and <c>users list</c>.
/// The password is read from standard input, never from the command line where it would stay in
/// the shell history and the process list.
/// </summary>
internal static class UsersCommand
{
    public const int MinPasswordLength = 12;

    public static bool Matches(string[] args) => Array.IndexOf(args, "users") >= 0;

    public static async Task<int> RunAsync(string[] args, IServiceProvider services)
    {
        // Host options such as --contentRoot may stand before the command.
        args = args[Array.IndexOf(args, "users")..];
        var accounts = services.GetRequiredService<IAccountStore>();
        var notices = services.GetRequiredService<INoticeStore>();
        var time = services.GetRequiredService<TimeProvider>();
        switch (args.Skip(1).FirstOrDefault())
        {
            case "list":
                foreach (var a in await accounts.ListAsync())
                    Console.WriteLine($"{a.Name}\t{string.Join(",", a.Roles)}\t{a.DisplayName}");
                return 0;
            case "add" when args.Length >= 3 && !args[2].StartsWith('-'):
                return await AddAsync(args[2], args[3..], accounts, notices, time);
            default:
                Console.Error.WriteLine("Usage: users add NAME --role author|approver|director|admin|staff [--role …] [--display-name \"Full Name\"]");
                Console.Error.WriteLine("       users list");
                Console.Error.WriteLine("The password is read from standard input.");
                return 2;
        }
    }

    private static async Task<int> AddAsync(string name, string[] options, IAccountStore accounts, INoticeStore notices, TimeProvider time)
    {
        var roles = new List<string>();
        var displayName = name;
        for (var i = 0; i < options.Length; i++)
        {
            switch (options[i])
            {
                case "--role" when i + 1 < options.Length && Roles.All.Contains(options[i + 1]):
                    roles.Add(options[++i]);
                    break;
                case "--display-name" when i + 1 < options.Length:
                    displayName = options[++i];
                    break;
                default:
                    Console.Error.WriteLine($"Unknown or incomplete option '{options[i]}'. Roles: {string.Join(", ", Roles.All)}.");
                    return 2;
            }
        }
        if (roles.Count == 0)
        {
            Console.Error.WriteLine($"Give at least one --role ({string.Join(", ", Roles.All)}).");
            return 2;
        }
        var password = ReadPassword();
        if (password.Length < MinPasswordLength)
        {
            Console.Error.WriteLine($"The password must be at least {MinPasswordLength} characters.");
            return 2;
        }
        var now = time.GetUtcNow();
        await accounts.UpsertAsync(new Account(name, displayName, roles.Distinct().ToList(), LoginService.Hash(password), now));
        await notices.AppendAuditAsync(new AuditEntry(now, "cli", AuditActions.AccountAdded, Detail: $"{name} ({string.Join(",", roles)})"));
        Console.WriteLine($"Account '{name}' saved with roles {string.Join(", ", roles)}.");
        return 0;
    }

    private static string ReadPassword()
    {
        if (Console.IsInputRedirected) return Console.In.ReadLine() ?? "";
        Console.Error.Write("Password: ");
        var password = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace && password.Length > 0) password.Length--;
            else if (!char.IsControl(key.KeyChar)) password.Append(key.KeyChar);
        }
        Console.Error.WriteLine();
        return password.ToString();
    }
}
