using System.Text.RegularExpressions;

namespace CrisisComms.Testing.Server;

/// <summary>Finds the log lines that give a secret away: any of the given ones, or any JWT at all.</summary>
public static partial class LogSecrets
{
    public static IReadOnlyList<string> LinesWith(string log, IEnumerable<string> secrets)
    {
        var wanted = secrets.Where(s => !string.IsNullOrEmpty(s)).ToList();
        return [.. log.Split('\n').Where(line => Jwt().IsMatch(line) || wanted.Any(s => line.Contains(s, StringComparison.Ordinal)))];
    }

    /// <summary>Throws with the offending lines (secrets and all: they are a test's made-up values).</summary>
    public static void AssertNone(string log, IEnumerable<string> secrets)
    {
        var leaks = LinesWith(log, secrets);
        if (leaks.Count > 0) throw new InvalidOperationException($"{leaks.Count} log line(s) carry a secret:\n{string.Join('\n', leaks.Take(10))}");
    }

    // A signed JWT: its header and payload are base64url JSON objects, so both begin with "eyJ".
    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.")]
    private static partial Regex Jwt();
}
