// Progressive enhancement: pages show their data as tables; when chart.js loaded, draw the charts from data attributes.
(function () {
  "use strict";
  function draw() {
    if (!window.Chart) { return; }
    document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      var labels = JSON.parse(canvas.getAttribute("data-labels") || "[]");
      var sets = JSON.parse(canvas.getAttribute("data-sets") || "[]");
      var type = canvas.getAttribute("data-chart");
      var twoAxes = sets.some(function (s) { return s.axis === "y1"; });
      var scales = twoAxes
        ? { y: { position: "left", beginAtZero: true }, y1: { position: "right", min: 0, max: 100, grid: { drawOnChartArea: false } } }
        : { y: { beginAtZero: true } };
      new window.Chart(canvas, {
        type: type,
        data: { labels: labels, datasets: sets.map(function (s) { return { label: s.label, data: s.data, yAxisID: s.axis || "y" }; }) },
        options: { responsive: true, animation: false, scales: scales, plugins: { legend: { display: true } } }
      });
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", draw); } else { draw(); }
})();

// Progressive enhancement (#13): on /me/address, a browser wallet (an EIP-1193 provider, window.ethereum) signs the
// challenge with personal_sign and fills the signature field; the member still presses "Prove the address". Without a
// wallet the button stays hidden and the signature is pasted by hand. The message is sent as its UTF-8 bytes in hex, the
// form every wallet reads the same way.
(function () {
  "use strict";
  function hex(text) {
    var bytes = new TextEncoder().encode(text);
    var out = "0x";
    for (var i = 0; i < bytes.length; i++) { out += bytes[i].toString(16).padStart(2, "0"); }
    return out;
  }
  function wire() {
    var button = document.getElementById("sign-with-wallet");
    var message = document.getElementById("challenge-message");
    var field = document.getElementById("signature");
    var provider = window.ethereum;
    if (!button || !message || !field || !provider || typeof provider.request !== "function") { return; }
    var status = document.getElementById("wallet-status");
    var address = button.getAttribute("data-address");
    document.getElementById("wallet").hidden = false;
    button.addEventListener("click", function () {
      button.disabled = true;
      status.textContent = "Waiting for the wallet…";
      provider.request({ method: "eth_requestAccounts" })
        .then(function () { return provider.request({ method: "personal_sign", params: [hex(message.textContent), address] }); })
        .then(function (signature) {
          field.value = signature;
          status.textContent = "Signed: press “Prove the address”.";
          document.getElementById("prove").focus();
        })
        .catch(function (error) {
          status.textContent = "The wallet did not sign: " + ((error && error.message) || error) + ". Paste the signature instead.";
        })
        .then(function () { button.disabled = false; });
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", wire); } else { wire(); }
})();
