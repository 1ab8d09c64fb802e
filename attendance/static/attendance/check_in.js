// The check-in page: scan a registrant's QR code with the phone's camera where the browser has a
// BarcodeDetector (Chromium on Android, among others); elsewhere the typed code is the way in.
(function () {
  "use strict";
  var scanner = document.querySelector("[data-check-in-scanner]");
  var form = document.querySelector("[data-check-in-form]");
  if (!scanner || !form || !("BarcodeDetector" in window) || !navigator.mediaDevices) {
    return;
  }
  scanner.hidden = false;
  var start = scanner.querySelector("[data-check-in-start]");
  var video = scanner.querySelector("[data-check-in-video]");
  var error = scanner.querySelector("[data-check-in-error]");
  var detector = new window.BarcodeDetector({ formats: ["qr_code"] });

  function submit(value, stream) {
    stream.getTracks().forEach(function (track) { track.stop(); });
    form.querySelector("[name=code]").value = value;
    form.querySelector("[data-check-in-method]").value = "scanned";
    form.submit();
  }

  function scan(stream) {
    detector.detect(video).then(function (codes) {
      if (codes.length) {
        submit(codes[0].rawValue, stream);
      } else {
        window.requestAnimationFrame(function () { scan(stream); });
      }
    }).catch(function () {
      window.setTimeout(function () { scan(stream); }, 250);
    });
  }

  start.addEventListener("click", function () {
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false })
      .then(function (stream) {
        video.srcObject = stream;
        video.hidden = false;
        start.hidden = true;
        return video.play().then(function () { scan(stream); });
      })
      .catch(function () { error.hidden = false; });
  });
})();
