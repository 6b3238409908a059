"""Language data: small modules of constants, no logic (one folder per language)."""
