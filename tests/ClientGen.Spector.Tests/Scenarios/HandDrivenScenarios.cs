using System.Collections.Generic;

namespace ClientGen.Spector.Tests.Scenarios;

/// <summary>The scenarios that a test of their own drives, because they need what the mockapi does not spell out as data.</summary>
public static class HandDrivenScenarios
{
    private static readonly HashSet<string> s_names = new()
    {
        // credentials (AuthenticationTests)
        "Authentication_ApiKey_valid", "Authentication_ApiKey_invalid", "Authentication_Http_Custom_valid", "Authentication_Http_Custom_invalid",
        "Authentication_Noauth_Union_validNoAuth", "Authentication_Noauth_Union_validToken", "Authentication_OAuth2_valid", "Authentication_OAuth2_invalid",
        "Authentication_Union_validKey", "Authentication_Union_validToken",
        // one operation, two representations (ContentNegotiationTests)
        "Payload_ContentNegotiation_DifferentBody",
        // files the mock checks in its handler only (MultipartFileTests)
        "Payload_MultiPart_FormData_File_uploadFileSpecificContentType", "Payload_MultiPart_FormData_File_uploadFileRequiredFilename", "Payload_MultiPart_FormData_File_uploadFileArray",
    };

    public static bool Contains(string name) => s_names.Contains(name);
}
