using ClientGen.Generator.Model;
using NSwag;

namespace ClientGen.Generator.OpenApi.Operations;

/// <summary>How a parameter is serialized, from OpenAPI 3's style and explode or Swagger 2.0's collectionFormat.</summary>
internal static class ParameterStyles
{
    /// <summary>
    /// The serialization style and explode flag. OpenAPI 3 defaults to form/explode for query and
    /// simple for path and header; Swagger 2.0's collectionFormat maps onto the same styles.
    /// </summary>
    public static ParameterStyle Of(OpenApiParameter parameter, ParameterLocation location, out bool explode)
    {
        var simpleOrForm = location is ParameterLocation.Path or ParameterLocation.Header ? ParameterStyle.Simple : ParameterStyle.Form;
        if (parameter.Style != OpenApiParameterStyle.Undefined)
        {
            var style = parameter.Style switch
            {
                OpenApiParameterStyle.Form => ParameterStyle.Form,
                OpenApiParameterStyle.SpaceDelimeted => ParameterStyle.SpaceDelimited, // NSwag spells it so
                OpenApiParameterStyle.PipeDelimited => ParameterStyle.PipeDelimited,
                OpenApiParameterStyle.DeepObject => ParameterStyle.DeepObject,
                OpenApiParameterStyle.Simple => ParameterStyle.Simple,
                OpenApiParameterStyle.Label => ParameterStyle.Label,
                OpenApiParameterStyle.Matrix => ParameterStyle.Matrix,
                _ => simpleOrForm,
            };
            // An absent explode means true for form style only (OpenAPI 3.0 §4.7.12.1); deepObject is exploded by definition.
            explode = parameter.Explode ?? style == ParameterStyle.Form || style == ParameterStyle.DeepObject;
            return style;
        }
        switch (parameter.CollectionFormat)
        {
            case OpenApiParameterCollectionFormat.Ssv:
                explode = false;
                return ParameterStyle.SpaceDelimited;
            case OpenApiParameterCollectionFormat.Pipes:
                explode = false;
                return ParameterStyle.PipeDelimited;
            case OpenApiParameterCollectionFormat.Tsv:
                explode = false;
                return location == ParameterLocation.Query ? ParameterStyle.TabDelimited : simpleOrForm;
            case OpenApiParameterCollectionFormat.Csv:
                explode = false;
                return simpleOrForm;
            case OpenApiParameterCollectionFormat.Multi:
                explode = true;
                return ParameterStyle.Form;
            default:
                // No style: the location's default style, with the spec's explode when it gives one.
                explode = parameter.Explode ?? location is ParameterLocation.Query or ParameterLocation.Cookie;
                return simpleOrForm;
        }
    }
}
