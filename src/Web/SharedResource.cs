namespace AlexaLinkHub.Web;

/// <summary>Marker for the tenant pages' localised texts. Each text has a resource key (<c>Login.Heading</c>); its English
/// wording is in <c>Resources/SharedResource.resx</c> and each language's in <c>SharedResource.{culture}.resx</c>, so
/// rewording the English text changes no key and a translation is never looked up by another language's words.</summary>
public sealed class SharedResource;
