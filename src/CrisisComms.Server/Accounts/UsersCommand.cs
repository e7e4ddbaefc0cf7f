using CrisisComms.Domain.Accounts;
using CrisisComms.Domain.Notices;
using CrisisComms.Server.Http;

namespace CrisisComms.Server.Accounts;

/// <summary>
/// <c>users add NAME --role ROLE [--role ROLE] [--display-name TEXT]</c>, <c>users list</c>,
/// <c>users disable NAME --reason TEXT</c> and <c>users enable NAME</c>: the operator's way to the
/// same <see cref="AccountService"/> the API uses, with the same rules. The password is read from
/// standard input, never from the command line where it would stay in the shell history and the
/// process list.
/// </summary>
internal static class UsersCommand
{
    private const string Usage = """
        Usage: users add NAME --role author|approver|director|admin|staff [--role …] [--display-name "Full Name"]
               users list
               users disable NAME --reason "why"
               users enable NAME
        The password is read from standard input. Adding an existing name replaces its roles and password
        and ends every session it had.
        """;

    public static bool Matches(string[] args) => Array.IndexOf(args, "users") >= 0;

    public static async Task<int> RunAsync(string[] args, IServiceProvider services)
    {
        // Host options such as --contentRoot may stand before the command.
        args = args[Array.IndexOf(args, "users")..];
        var accounts = services.GetRequiredService<AccountService>();
        try
        {
            switch (args.Skip(1).FirstOrDefault())
            {
                case "list":
                    foreach (var a in await accounts.ListAsync(CancellationToken.None))
                        Console.WriteLine($"{a.Name}\t{string.Join(",", a.Roles)}\t{a.DisplayName}{(a.Disabled ? "\tdisabled" : "")}");
                    return 0;
                case "add" when args.Length >= 3 && !args[2].StartsWith('-'):
                    return await AddAsync(args[2], Options(args[3..]), accounts);
                case "disable" when args.Length >= 3 && !args[2].StartsWith('-'):
                    await accounts.DisableAsync(AccountCaller.Operator, args[2], Options(args[3..]).Reason, CancellationToken.None);
                    Console.WriteLine($"Account '{args[2]}' disabled; its sessions end within seconds.");
                    return 0;
                case "enable" when args.Length >= 3 && !args[2].StartsWith('-'):
                    await accounts.EnableAsync(AccountCaller.Operator, args[2], Options(args[3..]).Reason, CancellationToken.None);
                    Console.WriteLine($"Account '{args[2]}' enabled.");
                    return 0;
                default:
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }
        catch (Exception e) when (e is InvalidFieldException or BadBodyException or AccountNotFoundException or AccountConflictException)
        {
            var field = e switch { InvalidFieldException f => f.Field, BadBodyException b => b.Field, _ => null };
            Console.Error.WriteLine(field is null ? e.Message : $"{field}: {e.Message}");
            return 2;
        }
    }

    private static async Task<int> AddAsync(string name, Parsed options, AccountService accounts)
    {
        AccountRules.Name(name);
        AccountRules.RolesOf(options.Roles);
        var (account, created) = await accounts.SaveAsync(AccountCaller.Operator, name, options.DisplayName, options.Roles,
            ReadPassword(), resetPassword: true, CancellationToken.None);
        Console.WriteLine($"Account '{account.Name}' {(created ? "saved" : "replaced")} with roles {string.Join(", ", account.Roles)}.");
        return 0;
    }

    private sealed record Parsed(List<string> Roles, string? DisplayName, string? Reason);

    private static Parsed Options(string[] options)
    {
        var parsed = new Parsed([], null, null);
        for (var i = 0; i < options.Length; i++)
        {
            parsed = (options[i], i + 1 < options.Length) switch
            {
                ("--role", true) => parsed with { Roles = [.. parsed.Roles, options[++i]] },
                ("--display-name", true) => parsed with { DisplayName = options[++i] },
                ("--reason", true) => parsed with { Reason = options[++i] },
                _ => throw new InvalidFieldException(options[i], $"Unknown or incomplete option. Roles: {string.Join(", ", Roles.All)}."),
            };
        }
        return parsed;
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
