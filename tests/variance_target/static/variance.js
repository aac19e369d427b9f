// Cible de variance : comportements de la page, écrits pour elle.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  // « Afficher » / « Masquer » : le bouton change de nom selon l'état du champ.
  document.querySelectorAll("[data-bascule]").forEach((bouton) => {
    bouton.addEventListener("click", () => {
      const champ = document.getElementById(bouton.dataset.bascule);
      const visible = champ.type === "password";
      champ.type = visible ? "text" : "password";
      bouton.textContent = visible ? "Masquer" : "Afficher";
    });
  });

  // Niveau de sécurité : « Fort » exactement quand les règles de la cible sont respectées
  // (20 caractères au moins, lettres et chiffres seulement, les deux présents).
  document.querySelectorAll("[data-niveau]").forEach((champ) => {
    const sortie = document.getElementById(champ.dataset.niveau);
    champ.addEventListener("input", () => {
      const v = champ.value;
      const lettres = /\p{L}/u.test(v), chiffres = /[0-9]/.test(v);
      const conforme = v.length >= 20 && lettres && chiffres && /^[\p{L}\p{N}]+$/u.test(v);
      const moyen = v.length >= 12 && lettres && chiffres;
      sortie.textContent = "Niveau de sécurité : " + (conforme ? "Fort" : moyen ? "Moyen" : "Faible");
    });
  });

  // « Effacer » : vide les saisies du formulaire dans la page, listes sur leur premier choix.
  document.querySelectorAll("[data-vider]").forEach((bouton) => {
    bouton.addEventListener("click", () => {
      const formulaire = document.getElementById(bouton.dataset.vider);
      formulaire.querySelectorAll("input:not([type=hidden]):not([type=submit]):not([disabled])").forEach((c) => { c.value = ""; });
      formulaire.querySelectorAll("select").forEach((liste) => { liste.selectedIndex = 0; });
    });
  });

  // Le panneau des recommandations : un dépliant, pas une boîte de dialogue.
  document.querySelectorAll("[data-depli]").forEach((bouton) => {
    const panneau = document.getElementById(bouton.getAttribute("aria-controls"));
    bouton.addEventListener("click", () => { panneau.hidden = false; bouton.setAttribute("aria-expanded", "true"); });
    panneau.querySelectorAll("[data-replier]").forEach((fermer) => {
      fermer.addEventListener("click", () => { panneau.hidden = true; bouton.setAttribute("aria-expanded", "false"); bouton.focus(); });
    });
  });

  document.querySelectorAll(".v-fermer-bandeau").forEach((bouton) => {
    bouton.addEventListener("click", () => { bouton.parentElement.hidden = true; });
  });
});
