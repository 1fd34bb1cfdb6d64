#include "indie/core/digest.hpp"

#include <doctest/doctest.h>

#include <string>

namespace indie {

// Test vectors of FIPS 180-4's examples (csrc.nist.gov, "SHA256.pdf" and "SHA2_Additional.pdf").
TEST_CASE("sha256 of the published test vectors") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256_hex(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256 fed piece by piece equals the whole, and starts afresh after hex()") {
  Sha256 h;
  h.update("abcdbcdecdefdefgefgh");
  h.update("");
  h.update("fghighijhijkijkljklmklmnlmnomnopnopq");
  CHECK(h.hex() == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  h.update("abc");
  CHECK(h.hex() == sha256_hex("abc"));
}

}  // namespace indie
