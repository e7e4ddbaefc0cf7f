using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace CrisisComms.Server.Configuration;

/// <summary>
/// Blanks credentials carried in addresses from every log event, whatever logged it and at any
/// level: browsers cannot set headers on WebSockets, so the hubs take the token as
/// <c>?access_token=</c>, and ASP.NET Core's own "Request starting" lines (Debug and below when an
/// operator turns them on) and HttpClient's request lines would otherwise print it; an OIDC
/// sign-in returns to the console with <c>?code=</c>.
/// </summary>
internal sealed partial class SecretRedaction : ILogEventEnricher
{
    public const string Redacted = "[redacted]";

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        List<LogEventProperty>? changed = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            var redacted = Redact(value);
            if (!ReferenceEquals(redacted, value)) (changed ??= []).Add(new LogEventProperty(name, redacted));
        }
        if (changed is null) return;
        foreach (var property in changed) logEvent.AddOrUpdateProperty(property);
    }

    /// <summary>The same value when nothing in it needs blanking.</summary>
    internal static LogEventPropertyValue Redact(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: string or Uri } s when Redact(s.Value.ToString()!) is var text && text != s.Value.ToString() => new ScalarValue(text),
        SequenceValue seq when seq.Elements.Select(Redact).ToList() is var items && !items.SequenceEqual(seq.Elements) => new SequenceValue(items),
        StructureValue st when st.Properties.Select(p => new LogEventProperty(p.Name, Redact(p.Value))).ToList() is var ps
            && !ps.Select(p => p.Value).SequenceEqual(st.Properties.Select(p => p.Value)) => new StructureValue(ps, st.TypeTag),
        _ => value,
    };

    internal static string Redact(string text) =>
        text.Contains('=') ? SecretParameter().Replace(text, m => $"{m.Groups[1].Value}={Redacted}") : text;

    [GeneratedRegex(@"\b(access_token|id_token|refresh_token|client_secret|code|password)=[^&#\s""']*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretParameter();
}
