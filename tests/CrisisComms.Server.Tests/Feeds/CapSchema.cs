using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace CrisisComms.Server.Tests.Feeds;

/// <summary>
/// Validates a CAP document against the schema in Feeds/Schema (see the note at its top: a
/// structural CAP 1.2 schema written from the OASIS specification, not the OASIS file itself).
/// </summary>
internal static class CapSchema
{
    public static readonly XNamespace Cap = "urn:oasis:names:tc:emergency:cap:1.2";

    private static readonly Lazy<XmlSchemaSet> Schemas = new(() =>
    {
        var set = new XmlSchemaSet();
        set.Add(Cap.NamespaceName, Path.Combine(AppContext.BaseDirectory, "Feeds", "Schema", "cap-1.2-structure.xsd"));
        set.Compile();
        return set;
    });

    /// <summary>Every schema error in the document; empty when it is valid.</summary>
    public static IReadOnlyList<string> Errors(string xml)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schemas.Value };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity}: {e.Message} (line {e.Exception?.LineNumber})");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read()) { }
        return errors;
    }

    /// <summary>Parses a CAP document, failing the test with the schema's errors if it is not valid.</summary>
    public static XElement Valid(string xml)
    {
        var errors = Errors(xml);
        Assert.True(errors.Count == 0, $"not valid CAP 1.2:\n{string.Join("\n", errors)}\n{xml}");
        return XDocument.Parse(xml).Root!;
    }

    public static string Text(this XElement element, string name) =>
        element.Element(Cap + name)?.Value ?? throw new Xunit.Sdk.XunitException($"no <{name}> in <{element.Name.LocalName}>");
}
