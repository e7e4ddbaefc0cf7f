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
    internal static LogEventPropertyValue Redact(LogEventPropertyValue value)
    {
        switch (value)
        {
            case ScalarValue { Value: string or Uri } scalar:
                var text = scalar.Value.ToString()!;
                var redacted = Redact(text);
                return redacted == text ? value : new ScalarValue(redacted);
            case SequenceValue sequence:
                var elements = sequence.Elements.Select(Redact).ToList();
                return elements.SequenceEqual(sequence.Elements) ? value : new SequenceValue(elements);
            case StructureValue structure:
                var properties = structure.Properties.Select(p => new LogEventProperty(p.Name, Redact(p.Value))).ToList();
                return properties.Select(p => p.Value).SequenceEqual(structure.Properties.Select(p => p.Value))
                    ? value : new StructureValue(properties, structure.TypeTag);
            default:
                return value;
        }
    }

    internal static string Redact(string text) =>
        text.Contains('=') ? SecretParameter().Replace(text, m => $"{m.Groups[1].Value}={Redacted}") : text;

    [GeneratedRegex(@"\b(access_token|id_token|refresh_token|client_secret|code|password)=[^&#\s""']*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretParameter();
}
