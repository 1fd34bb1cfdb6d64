// fmt's implementation, compiled once into the core when indie is built with INDIE_FAST_START
// (CMakeLists.txt), instead of loading libfmt.so (and with it the shared C++ runtime) at every
// start. What fmt's own library build compiles: the non-template functions of format-inl.h
// and the instantiations that format.h declares extern, from Debian's fmt 9 headers.
#ifdef INDIE_FMT_IMPLEMENTATION
#include <fmt/format-inl.h>

FMT_BEGIN_NAMESPACE
namespace detail {

// fmt's shortest-form printing of float and double (Dragonbox), part of the library as built;
// no amount goes through it: money is printed from integer minor units (money.cpp).
template auto dragonbox::to_decimal(float x) noexcept -> dragonbox::decimal_fp<float>;
template auto dragonbox::to_decimal(double x) noexcept -> dragonbox::decimal_fp<double>;

#ifndef FMT_STATIC_THOUSANDS_SEPARATOR
template locale_ref::locale_ref(const std::locale& loc);
template auto locale_ref::get<std::locale>() const -> std::locale;
#endif

template auto thousands_sep_impl(locale_ref) -> thousands_sep_result<char>;
template auto decimal_point_impl(locale_ref) -> char;
template void buffer<char>::append(const char*, const char*);
template void vformat_to(buffer<char>&, string_view, basic_format_args<FMT_BUFFER_CONTEXT(char)>,
                         locale_ref);

}  // namespace detail
FMT_END_NAMESPACE
#endif
