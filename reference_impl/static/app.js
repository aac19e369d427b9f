// Progressive enhancements only: every page works without this file.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  // « Afficher »: show or hide the password typed on the login page.
  for (const button of document.querySelectorAll(".toggle-password")) {
    button.addEventListener("click", () => {
      const input = document.getElementById(button.getAttribute("aria-controls"));
      const show = input.type === "password";
      input.type = show ? "text" : "password";
      button.setAttribute("aria-pressed", String(show));
    });
  }

  // Live « Niveau de sécurité » of the new password (rule IDENT-11): « Fort » exactly when the
  // server rules hold; below, « Moyen » once letters and digits reach half the length.
  for (const output of document.querySelectorAll(".strength")) {
    const input = document.querySelector(`[aria-controls="${output.id}"]`);
    input.addEventListener("input", () => {
      const value = input.value;
      const valid = value.length >= 20 && /\p{L}/u.test(value) && /[0-9]/.test(value) && !/\s/.test(value);
      const halfway = value.length >= 10 && /\p{L}/u.test(value) && /[0-9]/.test(value);
      const level = valid ? "Fort" : halfway ? "Moyen" : "Faible";
      output.textContent = `Niveau de sécurité : ${level}`;
    });
  }

  // « Recommandations pour prévenir les usurpations » opens its dialog.
  for (const button of document.querySelectorAll(".open-dialog")) {
    button.addEventListener("click", () => {
      document.getElementById(button.getAttribute("aria-controls")).showModal();
    });
  }
});
