/*! iframe-worker 1.0.4, the part that ran inline in the frame it makes, as a file of its own so
 * that the security policy need not allow it (see iframe-worker-shim.js beside this file).
 * Copyright (c) 2020-2022 Martin Donath <martin.donath@squidfunk.com>; MIT licence, as there.
 */
"use strict";
window.postMessage = function (message, origin) {
  parent.postMessage(message, origin || "*");
};
window.importScripts = function () {
  return Array.prototype.slice.call(arguments).reduce(function (done, url) {
    return done.then(function () {
      return new Promise(function (resolve) {
        var script = document.createElement("script");
        script.src = url;
        script.onload = resolve;
        document.body.appendChild(script);
      });
    });
  }, Promise.resolve());
};
window.addEventListener("error", function (event) {
  parent.dispatchEvent(new ErrorEvent("error", { filename: window.name, error: event.error }));
});
