using QRCoder;

namespace AlexaLinkHub.Web.Admin;

/// <summary>A QR code rendered on the server as a PNG data URI (the admin CSP allows <c>img-src data:</c>): enrolment
/// works without JavaScript, and the secret never leaves for a third-party renderer.</summary>
internal static class QrCodeImage
{
    public static string DataUri(string text)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }
}
