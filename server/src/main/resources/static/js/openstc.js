// Small progressive enhancements; every page works without JavaScript.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("form[data-confirm]").forEach((form) => {
    form.addEventListener("submit", (e) => {
      if (!window.confirm(form.dataset.confirm)) e.preventDefault();
    });
  });
});

// Pages showing a running job reload themselves every few seconds.
document.addEventListener("DOMContentLoaded", () => {
  const el = document.querySelector("[data-refresh]");
  if (el) setTimeout(() => window.location.reload(), 1000 * Number(el.dataset.refresh || 2));
});
