#include "indie/core/reconcile.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>

namespace indie {
namespace {

// Letters and digits, upper case: "F2026-0007" and "f2026 0007" read alike.
std::string folded(std::string_view s) {
  std::string out;
  for (const char c : s)
    if (std::isalnum(static_cast<unsigned char>(c)))
      out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string digits_of(std::string_view s) {
  std::string out;
  for (const char c : s)
    if (std::isdigit(static_cast<unsigned char>(c))) out += c;
  return out;
}

// The words of `s`, upper case, letters and digits only.
std::vector<std::string> words_of(std::string_view s) {
  std::vector<std::string> out;
  std::string w;
  for (const char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      w += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    } else if (!w.empty()) {
      out.push_back(std::move(w));
      w.clear();
    }
  }
  if (!w.empty()) out.push_back(std::move(w));
  return out;
}

constexpr auto kLegalForms = std::to_array<std::string_view>(
    {"SAS", "SASU", "SARL", "EURL", "SCI", "SNC",  "GMBH",     "INC",      "LTD",     "LLC",
     "BV",  "NV",   "AG",   "SPA",  "SRL", "PLC",  "CORP",     "COMPANY",  "THE",     "AND",
     "DES", "LES",  "VIR",  "SEPA", "CB",  "PRLV", "VIREMENT", "TRANSFER", "PAYMENT", "FROM"});

int days_apart(Date a, Date b) {
  return std::abs(static_cast<int>((std::chrono::sys_days(a) - std::chrono::sys_days(b)).count()));
}

}  // namespace

void ReferenceIndex::add(std::string_view number, std::size_t index) {
  const std::string f = folded(number);
  if (f.size() < 4) return;
  by_folded_[f] = index;
  const std::string d = digits_of(number);
  if (d.size() < 6) return;
  const auto [it, added] = by_digits_.try_emplace(d, index);
  if (!added && it->second != index) it->second = std::string::npos;  // two numbers share it
}

std::vector<std::size_t> ReferenceIndex::named_in(std::string_view text) const {
  const auto words = words_of(text);
  std::vector<std::size_t> out;
  const auto found = [&](std::size_t index) {
    if (index != std::string::npos && std::find(out.begin(), out.end(), index) == out.end())
      out.push_back(index);
  };
  // A number is one word (F20260007) or two or three written apart (F2026 0007, F-2026-0007).
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string joined;
    for (std::size_t n = 0; n < 3 && i + n < words.size(); ++n) {
      joined += words[i + n];
      if (const auto it = by_folded_.find(joined); it != by_folded_.end()) {
        found(it->second);
        break;
      }
      // FACTURE 2026-0007: the digits alone, when they are all the word holds.
      if (digits_of(joined) == joined)
        if (const auto it = by_digits_.find(joined); it != by_digits_.end()) {
          found(it->second);
          break;
        }
    }
  }
  return out;
}

bool names_reference(std::string_view text, std::string_view reference) {
  const std::string ref = folded(reference);
  if (ref.size() < 4) return false;
  const std::string t = folded(text);
  if (t.find(ref) != std::string::npos) return true;
  // "FACTURE 2026-0007" for F2026-0007: the digits alone, when there are enough of them.
  const std::string d = digits_of(reference);
  return d.size() >= 6 && digits_of(text).find(d) != std::string::npos;
}

bool names_party(std::string_view text, std::string_view name) {
  const auto in_text = words_of(text);
  for (const auto& w : words_of(name)) {
    if (w.size() < 3 || std::find(kLegalForms.begin(), kLegalForms.end(), w) != kLegalForms.end())
      continue;
    if (std::find(in_text.begin(), in_text.end(), w) != in_text.end()) return true;
  }
  return false;
}

std::optional<MovementMatch> match_movement(const StatementRow& row,
                                            const std::vector<ExpectedMovement>& expected,
                                            const std::vector<bool>& taken,
                                            const std::vector<StatementRow>& all_rows) {
  const std::string text = row.payee + " " + row.memo;
  struct Candidate {
    std::size_t index;
    bool reference, party;
    int days;
  };
  std::vector<Candidate> candidates;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const ExpectedMovement& e = expected[i];
    if (taken[i] || e.amount_minor != row.amount_minor) continue;
    const int days = days_apart(e.date, row.date);
    if (days > kMatchWindowDays) continue;
    bool party = false;
    for (const auto& n : e.names) party = party || names_party(text, n);
    candidates.push_back(
        {i, !e.reference.empty() && names_reference(text, e.reference), party, days});
  }
  if (candidates.empty()) return std::nullopt;
  // The reference first, then the payer, then the nearest day, then the first recorded.
  const auto better = [](const Candidate& a, const Candidate& b) {
    if (a.reference != b.reference) return a.reference;
    if (a.party != b.party) return a.party;
    if (a.days != b.days) return a.days < b.days;
    return a.index < b.index;
  };
  const Candidate best = *std::min_element(candidates.begin(), candidates.end(), better);
  const ExpectedMovement& e = expected[best.index];
  const std::string apart = best.days == 0   ? "the same day"
                            : best.days == 1 ? "1 day apart"
                                             : fmt::format("{} days apart", best.days);
  if (best.reference)
    return MovementMatch{best.index, fmt::format("same amount, {} named, {}", e.reference, apart)};
  if (best.party)
    return MovementMatch{best.index, fmt::format("same amount, the payer named, {}", apart)};
  // Nothing named: only a movement no other row or recorded entry could be.
  if (candidates.size() > 1) return std::nullopt;
  std::size_t rivals = 0;
  for (const auto& other : all_rows)
    if (other.amount_minor == row.amount_minor &&
        days_apart(other.date, e.date) <= kMatchWindowDays)
      ++rivals;
  if (rivals > 1) return std::nullopt;
  return MovementMatch{best.index,
                       fmt::format("same amount, {}, the only one (nothing named)", apart), true};
}

}  // namespace indie
