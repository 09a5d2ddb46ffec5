using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ClientGen.Simulators.Zscaler;

/// <summary>S3-style presigned links: the path, an expiry and an HMAC signature over both, checked when the file is fetched.</summary>
internal sealed class PresignedUrls
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public string Create(Uri root, string runId, DateTimeOffset expires)
    {
        var seconds = expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return new Uri(root, $"/files/{Uri.EscapeDataString(runId)}.csv").ToString() + $"?X-Amz-Expires={seconds}&X-Amz-Signature={Sign(runId, seconds)}";
    }

    /// <summary>Null when the link is valid; otherwise why it is refused.</summary>
    public string? Check(string runId, string? expires, string? signature, DateTimeOffset now)
    {
        if (expires is null || signature is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(runId, expires)), Encoding.ASCII.GetBytes(signature)))
        {
            return "SignatureDoesNotMatch";
        }
        return long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var at) && DateTimeOffset.FromUnixTimeSeconds(at) > now ? null : "Request has expired";
    }

    private string Sign(string runId, string expires) => Convert.ToHexString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(runId + "\n" + expires))).ToLowerInvariant();
}
