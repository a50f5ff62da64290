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
