// Progressive enhancement only: every value a copy button copies is also in a readonly field that can be selected.
document.querySelectorAll("button[data-copy]").forEach(function (button) {
  var field = document.getElementById(button.getAttribute("data-copy"));
  if (!field || !navigator.clipboard) return;
  var label = button.textContent;
  button.hidden = false;
  button.addEventListener("click", function () {
    navigator.clipboard.writeText(field.value).then(function () {
      button.textContent = "✓";
      setTimeout(function () { button.textContent = label; }, 1500);
    });
  });
});

// The console's test redirect URI: an implicit grant's answer is in the fragment, which never reaches the server. Post
// it to the page (which checks the state against this session) and take it out of the address bar and the history.
(function () {
  var form = document.querySelector("form[data-test-link-fragment]");
  if (!form || location.hash.length < 2) return;
  var answer = new URLSearchParams(location.hash.substring(1));
  history.replaceState(null, "", location.pathname + location.search);
  answer.forEach(function (value, name) {
    var field = form.querySelector("input[type=hidden][name='" + name + "']");
    if (field) field.value = value;
  });
  form.submit();
})();
