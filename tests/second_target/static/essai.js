// The second target's enhancements; every page works without them.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  // « Voir le mot de passe » on the login page: the button names its field in data-bascule.
  for (const button of document.querySelectorAll("[data-bascule]")) {
    button.addEventListener("click", () => {
      const field = document.getElementById(button.dataset.bascule);
      const shown = field.type === "password";
      field.type = shown ? "text" : "password";
      button.setAttribute("aria-pressed", String(shown));
    });
  }

  // « Niveau de sécurité » (rule IDENT-11): « Fort » exactly when the server accepts the password
  // (20 characters, a letter, a digit, no blank); « Moyen » from 10 characters with letters and digits.
  for (const output of document.querySelectorAll("[data-force-de]")) {
    const field = document.getElementById(output.dataset.forceDe);
    field.addEventListener("input", () => {
      const value = field.value;
      const mixed = /\p{L}/u.test(value) && /[0-9]/.test(value);
      const level = value.length >= 20 && mixed && !/\s/.test(value) ? "Fort" : value.length >= 10 && mixed ? "Moyen" : "Faible";
      output.textContent = `Niveau de sécurité : ${level}`;
    });
  }
});
