namespace AlexaLinkHub.Web;

/// <summary>Marker for the tenant pages' localised texts (Resources/SharedResource.{culture}.resx). Keys are the English
/// texts themselves, so English needs no resource file and a missing translation falls back to English.</summary>
public sealed class SharedResource;
