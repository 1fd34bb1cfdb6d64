#pragma once
/// A holding of one foreign currency followed at average cost in the report currency, so that
/// spending or converting it realizes an exchange result and what is left can be revalued.
#include <cstdint>

namespace indie {

/// What one movement released from a holding: the part of it that reduced the holding (in the
/// holding's currency), the book value that part carried, and what it was worth on its day.
/// Its realized result is `book - value` with the signs of the holding (spending 40 USD booked
/// at 36 EUR when they are worth 38 EUR realizes +2 EUR).
struct FxRelease {
  std::int64_t amount = 0;  ///< the reducing part of the movement, signed like the movement
  std::int64_t book = 0;    ///< its share of the book value, signed like the movement
  std::int64_t value = 0;   ///< its value at the day's reference rate, signed like the movement
  std::int64_t realized() const { return book - value; }
};

/// Average-cost position (the "coût moyen pondéré" of French accounting). A movement in the same
/// direction as the holding (or into an empty one) adds to it at its value; a movement against it
/// releases a proportional share of the book value; one that crosses zero does both. Works the
/// same for a debt in a foreign currency (a negative holding, such as a card account).
class FxPosition {
 public:
  /// Applies a movement of `amount` (minor units of the holding's currency) worth `value`
  /// (minor units of the report currency) on its day. Returns what it released.
  FxRelease apply(std::int64_t amount, std::int64_t value);

  std::int64_t amount() const { return amount_; }
  std::int64_t book() const { return book_; }
  /// The unrealized result when the whole holding is worth `value`.
  std::int64_t unrealized(std::int64_t value) const { return value - book_; }

 private:
  std::int64_t amount_ = 0, book_ = 0;
};

}  // namespace indie
