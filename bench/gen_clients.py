#!/usr/bin/env python3
"""Writes N clients as CSV in the columns `indie client list --format csv` uses.

Deterministic (seeded), so every run measures the same data.
usage: gen_clients.py N > clients.csv
"""
import csv
import random
import sys

COUNTRIES = [("FR", "EUR", "domestic"), ("DE", "EUR", "eu-business"), ("BE", "EUR", "eu-business"),
             ("US", "USD", "non-eu-business"), ("GB", "GBP", "non-eu-business"), ("CH", "CHF", "non-eu-business")]

def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    rng = random.Random(42)
    out = csv.writer(sys.stdout, lineterminator="\r\n")
    out.writerow(["handle", "name", "legal_name", "address", "country", "email", "currency", "language",
                  "payment_terms", "vat_treatment", "notes"])
    for i in range(n):
        country, currency, treatment = rng.choice(COUNTRIES)
        out.writerow([f"client-{i:05d}", f"Client {i}", f"Client {i} SAS", f"{i} rue de la Paix\n75002 Paris",
                      country, f"billing{i}@example.com", currency, "fr" if country == "FR" else "en",
                      rng.choice([0, 15, 30, 45, 60]), treatment, "generated for the benchmark"])

if __name__ == "__main__":
    main()
