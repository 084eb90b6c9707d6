// wirecoder: the little behaviour the pages need.  Everything works without it; this only
// smooths navigation (scroll to evidence, flash it) and gives feedback while extracting.
"use strict";

function flash(element) {
  element.classList.remove("flash");
  void element.offsetWidth; // restart the animation when the same mark is clicked twice
  element.classList.add("flash");
}

function jumpTo(id) {
  const target = document.getElementById(id);
  if (!target) return false;
  target.scrollIntoView({ behavior: "smooth", block: "center" });
  flash(target);
  history.replaceState(null, "", "#" + id);
  return true;
}

document.addEventListener("click", (event) => {
  const link = event.target.closest("a.jump[data-target]");
  if (link && jumpTo(link.dataset.target)) event.preventDefault();
});

// Hovering an actor row outlines all of that actor's mentions in the text.
document.addEventListener("mouseover", (event) => {
  const row = event.target.closest("tr[data-actor]");
  document.querySelectorAll(".ann-actor.hot").forEach((el) => el.classList.remove("hot"));
  if (!row) return;
  const selector = '.ann-actor[data-actor="' + CSS.escape(row.dataset.actor) + '"]';
  document.querySelectorAll(selector).forEach((el) => el.classList.add("hot"));
});

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("extract-form");
  if (form) {
    form.addEventListener("submit", () => {
      const button = document.getElementById("submit");
      const note = document.getElementById("busy-note");
      if (button) button.disabled = true;
      if (note) note.hidden = false;
    });
  }
  document.querySelectorAll("select[data-autosubmit]").forEach((select) => {
    select.addEventListener("change", () => select.form.submit());
  });
  if (location.hash.length > 1) {
    // Only annotations flash (a link from a table to its evidence), not whole page sections.
    const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target && target.classList.contains("ann")) flash(target);
  }
});
