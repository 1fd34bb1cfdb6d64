#include "indie/core/fx_position.hpp"

#include "indie/core/error.hpp"
#include "indie/core/rounding.hpp"

namespace indie {
namespace {

// a * b / c, rounded half away from zero; c != 0.
std::int64_t scale(std::int64_t a, std::int64_t b, std::int64_t c) {
  int128 num = static_cast<int128>(a) * b;
  int128 den = c;
  if (den < 0) num = -num, den = -den;
  return static_cast<std::int64_t>(divide_rounded(num, den, default_rounding));
}

bool opposite(std::int64_t a, std::int64_t b) { return (a < 0 && b > 0) || (a > 0 && b < 0); }

}  // namespace

FxRelease FxPosition::apply(std::int64_t amount, std::int64_t value) {
  FxRelease r;
  if (amount == 0) return r;
  if (opposite(amount, amount_)) {
    // The reducing part is the whole movement, or just what closes the holding.
    r.amount =
        (amount < 0 ? -amount : amount) <= (amount_ < 0 ? -amount_ : amount_) ? amount : -amount_;
    r.book = scale(book_, r.amount, amount_);
    r.value = r.amount == amount ? value : scale(value, r.amount, amount);
    amount_ += r.amount;
    book_ += r.book;
    amount -= r.amount;
    value -= r.value;
    if (amount_ == 0) book_ = 0;  // exact already; stated so a closed holding never drifts
  }
  amount_ += amount;
  book_ += value;
  return r;
}

}  // namespace indie
