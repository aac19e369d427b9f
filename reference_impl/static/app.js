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

  // Live « Niveau de sécurité » of the new password: the server rules give « Moyen »,
  // three kinds of characters among lower case, upper case, digits and others give « Fort ».
  for (const output of document.querySelectorAll(".strength")) {
    const input = document.querySelector(`[aria-controls="${output.id}"]`);
    input.addEventListener("input", () => {
      const value = input.value;
      const valid = value.length >= 20 && /\p{L}/u.test(value) && /[0-9]/.test(value) && !/\s/.test(value);
      const kinds = [/\p{Ll}/u, /\p{Lu}/u, /[0-9]/, /[^\p{L}0-9]/u].filter((re) => re.test(value)).length;
      const level = !valid ? "Faible" : kinds >= 3 ? "Fort" : "Moyen";
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
