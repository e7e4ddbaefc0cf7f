using System.Globalization;

namespace CrisisComms.LoadGen.Cli;

/// <summary>
/// <c>--name value</c> pairs and <c>--flag</c>s. A name may repeat, and a value may be a
/// comma-separated list. Every name asked for is remembered, so names nobody asked for are errors.
/// </summary>
internal sealed class Args
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    public Args(IEnumerable<string> args, IReadOnlySet<string> flagNames)
    {
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var arg = e.Current;
            if (!arg.StartsWith("--", StringComparison.Ordinal)) throw new UsageException($"Unexpected argument '{arg}'.");
            var name = arg[2..];
            string? inline = null;
            if (name.IndexOf('=') is var eq and > 0) (name, inline) = (name[..eq], name[(eq + 1)..]);
            if (flagNames.Contains(name) && inline is null)
            {
                _flags.Add(name);
                continue;
            }
            if (inline is null && !e.MoveNext()) throw new UsageException($"--{name} needs a value.");
            var value = inline ?? e.Current;
            if (!_values.TryGetValue(name, out var list)) _values[name] = list = [];
            list.AddRange(value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
    }

    public bool Flag(string name)
    {
        _known.Add(name);
        return _flags.Contains(name);
    }

    public IReadOnlyList<string> All(string name)
    {
        _known.Add(name);
        return _values.TryGetValue(name, out var list) ? list : [];
    }

    public string? Text(string name) => All(name) is [.., var last] ? last : null;

    public string Text(string name, string fallback) => Text(name) ?? fallback;

    public int Int(string name, int fallback, int min = 0) =>
        Number(name, fallback, s => int.Parse(s, CultureInfo.InvariantCulture), min);

    public double Double(string name, double fallback, double min = 0) =>
        Number(name, fallback, s => double.Parse(s, CultureInfo.InvariantCulture), min);

    /// <summary>Declares names up front, so <see cref="RejectUnknown"/> can run before any option is read.</summary>
    public Args Expect(params string[] names)
    {
        _known.UnionWith(names);
        return this;
    }

    /// <summary>Throws for any name given that no option asked for: a typo must not silently fall back to a default.</summary>
    public void RejectUnknown()
    {
        var unknown = _values.Keys.Concat(_flags).Where(n => !_known.Contains(n)).ToList();
        if (unknown.Count > 0) throw new UsageException($"Unknown option(s): {string.Join(", ", unknown.Select(n => "--" + n))}.");
    }

    private T Number<T>(string name, T fallback, Func<string, T> parse, T min) where T : IComparable<T>
    {
        if (Text(name) is not { } text) return fallback;
        T value;
        try
        {
            value = parse(text);
        }
        catch (FormatException)
        {
            throw new UsageException($"--{name} must be a number, not '{text}'.");
        }
        return value.CompareTo(min) >= 0 ? value : throw new UsageException($"--{name} must be at least {min}.");
    }
}

/// <summary>A wrong command line: the message says which option and why.</summary>
internal sealed class UsageException(string message) : Exception(message);
