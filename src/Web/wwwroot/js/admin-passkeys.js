// Passkeys (WebAuthn) in the admin area: the only admin feature that needs JavaScript. A form marked data-webauthn
// carries the server's options (JSON, base64url fields); on submit the browser creates ("create") or uses ("get") a
// passkey, the answer goes into the form's PasskeyResponse field as JSON, and the form is posted as usual. The server
// verifies everything; this file only translates between JSON and the browser's binary API.
(function () {
  if (!window.PublicKeyCredential) return;

  function toBytes(value) {
    var base64 = value.replace(/-/g, "+").replace(/_/g, "/");
    while (base64.length % 4) base64 += "=";
    var text = atob(base64), bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return bytes.buffer;
  }

  function toText(buffer) {
    if (!buffer) return null;
    var bytes = new Uint8Array(buffer), text = "";
    for (var i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i]);
    return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function withBytes(list) {
    return (list || []).map(function (c) { return Object.assign({}, c, { id: toBytes(c.id) }); });
  }

  function create(options) {
    options.challenge = toBytes(options.challenge);
    options.user = Object.assign({}, options.user, { id: toBytes(options.user.id) });
    options.excludeCredentials = withBytes(options.excludeCredentials);
    return navigator.credentials.create({ publicKey: options }).then(function (credential) {
      var response = credential.response;
      return {
        id: credential.id, rawId: toText(credential.rawId), type: credential.type,
        clientExtensionResults: credential.getClientExtensionResults(),
        response: {
          attestationObject: toText(response.attestationObject),
          clientDataJSON: toText(response.clientDataJSON),
          transports: response.getTransports ? response.getTransports() : []
        }
      };
    });
  }

  function get(options) {
    options.challenge = toBytes(options.challenge);
    options.allowCredentials = withBytes(options.allowCredentials);
    return navigator.credentials.get({ publicKey: options }).then(function (credential) {
      var response = credential.response;
      return {
        id: credential.id, rawId: toText(credential.rawId), type: credential.type,
        clientExtensionResults: credential.getClientExtensionResults(),
        response: {
          authenticatorData: toText(response.authenticatorData),
          clientDataJSON: toText(response.clientDataJSON),
          signature: toText(response.signature),
          userHandle: toText(response.userHandle)
        }
      };
    });
  }

  document.querySelectorAll("form[data-webauthn]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var options = JSON.parse(form.getAttribute("data-options"));
      var ceremony = form.getAttribute("data-webauthn") === "create" ? create : get;
      ceremony(options).then(function (answer) {
        form.querySelector("input[name=PasskeyResponse]").value = JSON.stringify(answer);
        form.submit();
      }, function (error) {
        var note = form.querySelector(".field-error") || form.appendChild(document.createElement("p"));
        note.className = "field-error";
        note.textContent = "The passkey was not used (" + error.name + "). Try again, or use a code.";
      });
    });
  });
})();
