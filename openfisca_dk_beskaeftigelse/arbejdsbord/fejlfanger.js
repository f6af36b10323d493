// Fejlfangeren: en fejl i sidens JavaScript vises som en dansk besked øverst, aldrig som en tom side.
// Et almindeligt script (ikke et modul), så det kører først og også fanger fejl i modulerne.
(function () {
  "use strict";

  function vis(hvad) {
    var banner = document.getElementById("fejlbanner");
    if (!banner) {
      return;
    }
    banner.hidden = false;
    banner.textContent =
      "Der opstod en fejl i arbejdsbordet (" + hvad + "). Genindlæs siden; " +
      "sker det igen, så send beskeden og det, du gjorde, til udviklerne.";
  }

  window.addEventListener("error", function (haendelse) {
    vis(haendelse.message || "ukendt fejl");
  });
  window.addEventListener("unhandledrejection", function (haendelse) {
    var grund = haendelse.reason;
    vis((grund && grund.message) || String(grund));
  });
  window.arbejdsbordFejl = vis;
})();
