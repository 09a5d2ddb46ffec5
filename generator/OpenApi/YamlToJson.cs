using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ClientGen.Generator.OpenApi;

/// <summary>
/// Converts a YAML document to a JSON tree with YAML 1.2 core-schema typing (plain <c>true</c>,
/// <c>200</c>, <c>null</c> are values; quoted scalars are strings; keys are strings). NSwag's own
/// conversion writes invalid escapes for strings like <c>"C:\Users"</c>, so we do not use it.
/// </summary>
internal static class YamlToJson
{
    private static readonly Regex s_integer = new("^[-+]?(0|[1-9][0-9]*)$", RegexOptions.CultureInvariant);
    private static readonly Regex s_float = new("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant);
    private static readonly Regex s_blankLine = new("^[ \\t]+$", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    /// <exception cref="YamlException">The text is not valid YAML.</exception>
    /// <exception cref="InputLimitException">The text is nested too deeply, or its aliases expand too far.</exception>
    public static JToken Convert(string text) => Convert(text, out _);

    /// <param name="text">The YAML text.</param>
    /// <param name="root">The parsed document's root node, with every node's line and column: the spec's line map.</param>
    /// <exception cref="YamlException">The text is not valid YAML.</exception>
    /// <exception cref="InputLimitException">The text is nested too deeply, or its aliases expand too far.</exception>
    public static JToken Convert(string text, out YamlNode? root)
    {
        YamlStream stream;
        try
        {
            stream = Load(text);
        }
        catch (YamlException) when (s_blankLine.IsMatch(text))
        {
            // YamlDotNet rejects a whitespace-only first line in a block scalar ("|+" followed by "   "), which YAML allows.
            // Blanking such lines keeps every line number and changes only whitespace inside examples.
            stream = Load(s_blankLine.Replace(text, string.Empty));
        }
        root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        return root == null ? JValue.CreateNull() : ToToken(root);
    }

    /// <exception cref="InputLimitException">The text passes a limit; checked before the recursive load.</exception>
    private static YamlStream Load(string text)
    {
        InputLimits.CheckYaml(text);
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream;
    }

    private static JToken ToToken(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JObject();
                foreach (var entry in map.Children)
                {
                    var key = entry.Key is YamlScalarNode scalarKey ? scalarKey.Value ?? string.Empty : entry.Key.ToString();
                    if (key == "<<" && entry.Value is YamlMappingNode merged)
                    {
                        // YAML merge keys: copy entries the mapping does not define itself.
                        foreach (var property in ((JObject)ToToken(merged)).Properties())
                        {
                            if (obj[property.Name] == null) obj[property.Name] = property.Value;
                        }
                        continue;
                    }
                    obj[key] = ToToken(entry.Value);
                }
                return obj;
            case YamlSequenceNode sequence:
                return new JArray(sequence.Children.Select(ToToken));
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                return JValue.CreateNull();
        }
    }

    private static JToken Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain || (scalar.Tag.IsEmpty == false && scalar.Tag.Value == "tag:yaml.org,2002:str")) return new JValue(value);
        switch (value)
        {
            case "":
            case "~":
            case "null":
            case "Null":
            case "NULL":
                return JValue.CreateNull();
            case "true":
            case "True":
            case "TRUE":
                return new JValue(true);
            case "false":
            case "False":
            case "FALSE":
                return new JValue(false);
        }
        if (s_integer.IsMatch(value))
        {
            if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer)) return new JValue(integer);
            if (decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var big)) return new JValue(big);
        }
        if (s_float.IsMatch(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return new JValue(number);
        return new JValue(value);
    }
}
