// Records script errors and console.error calls in window.__pwErrors (read by the browser tests).
(function () {
  "use strict";
  var errors = (window.__pwErrors = []);
  window.addEventListener("error", function (e) {
    var t = e.target;
    if (t && t !== window && (t.src || t.href)) {
      errors.push("failed to load " + (t.src || t.href));
    } else {
      errors.push(String(e.message || e.error || "error"));
    }
  }, true);
  document.addEventListener("securitypolicyviolation", function (e) {
    errors.push("CSP blocked " + e.blockedURI + " (" + e.violatedDirective + ")");
  });
  window.addEventListener("unhandledrejection", function (e) {
    errors.push("unhandled rejection: " + String(e.reason));
  });
  var original = console.error;
  console.error = function () {
    errors.push(Array.prototype.join.call(arguments, " "));
    return original.apply(console, arguments);
  };
})();
