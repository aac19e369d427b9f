"""La cible de variance : ses propres pages et ses propres choix partout où le guide et le contrat
en laissent un (voir README.md et variances.yaml)."""
