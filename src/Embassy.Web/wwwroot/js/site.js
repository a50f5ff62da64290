// Progressive enhancement: pages show their data as tables; when chart.js loaded, draw the charts from data attributes.
(function () {
  "use strict";
  function draw() {
    if (!window.Chart) { return; }
    document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      var labels = JSON.parse(canvas.getAttribute("data-labels") || "[]");
      var sets = JSON.parse(canvas.getAttribute("data-sets") || "[]");
      var type = canvas.getAttribute("data-chart");
      new window.Chart(canvas, {
        type: type,
        data: { labels: labels, datasets: sets.map(function (s) { return { label: s.label, data: s.data, yAxisID: s.axis || undefined }; }) },
        options: { responsive: true, animation: false, plugins: { legend: { display: true } } }
      });
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", draw); } else { draw(); }
})();
