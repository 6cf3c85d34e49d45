//! Deterministic `exp` and `ln`, written with + − × ÷ only.
//!
//! The same seed must give the same bits natively and in WebAssembly. Basic IEEE-754 arithmetic
//! is exactly specified (and Rust never fuses a·b + c into an FMA on its own), but `exp`, `ln`
//! and `powf` come from the platform's maths library: glibc, the `libm` port compiled into wasm,
//! and glibc's own FMA variant can differ in the last bit. Every transcendental function that
//! influences the weights (the sigmoid, softmax, the noise distribution's count^power) therefore
//! goes through this module.
//!
//! - `exp`: range reduction x = k·ln 2 + r with |r| ≤ ln2/2 (Cody–Waite split of ln 2), a Taylor
//!   polynomial for e^r, and the exponent k put in with exact multiplications by powers of two.
//! - `ln`: m·2^e with m in [√½, √2), ln m = 2·atanh(s) with s = (m − 1)/(m + 1), summed as an odd
//!   series.

const LN2_HI: f64 = 6.931_471_803_691_238e-1;
const LN2_LO: f64 = 1.908_214_929_270_587_7e-10;
const LOG2_E: f64 = std::f64::consts::LOG2_E;

/// 2^k for k in the normal exponent range, exactly.
#[inline]
fn pow2(k: i64) -> f64 {
    f64::from_bits(((k + 1023) as u64) << 52)
}

/// Multiply by 2^k exactly (also into the subnormal range).
#[inline]
fn scale_pow2(x: f64, k: i64) -> f64 {
    if k > 1023 {
        x * pow2(1023) * pow2((k - 1023).min(1023))
    } else if k < -1022 {
        x * pow2(-1022) * pow2((k + 1022).max(-1022))
    } else {
        x * pow2(k)
    }
}

/// Split x into k and r with x = k·ln 2 + r, |r| ≤ ln2/2.
#[inline]
fn reduce(x: f64) -> (i64, f64) {
    let k = (x * LOG2_E + 0.5).floor();
    (k as i64, (x - k * LN2_HI) - k * LN2_LO)
}

/// e^x to about 1e-16 relative error.
pub fn exp(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if x > 709.8 {
        return f64::INFINITY;
    }
    if x < -745.2 {
        return 0.0;
    }
    let (k, r) = reduce(x);
    // Taylor to degree 13: the remainder is below 5e-18 for |r| ≤ 0.347.
    let mut p = 1.0 / 6_227_020_800.0;
    for d in (1..=12).rev() {
        p = p * r + 1.0 / FACTORIAL[d];
    }
    p = p * r + 1.0;
    scale_pow2(p, k)
}

const FACTORIAL: [f64; 13] = [
    1.0,
    1.0,
    2.0,
    6.0,
    24.0,
    120.0,
    720.0,
    5_040.0,
    40_320.0,
    362_880.0,
    3_628_800.0,
    39_916_800.0,
    479_001_600.0,
];

/// e^x for f32, in f32 arithmetic with a degree-7 polynomial (within 2 ulp). Inputs below −87
/// give e^−87 ≈ 1.6e−38 instead of a smaller subnormal (no probability here needs less), inputs
/// above 88 overflow to infinity. Written without branches on the value, so loops over it
/// vectorise.
#[inline]
pub fn exp_f32(x: f32) -> f32 {
    const LOG2_E: f32 = std::f32::consts::LOG2_E;
    const LN2_HI: f32 = 0.693_145_75;
    const LN2_LO: f32 = 1.428_606_8e-6;
    // (A comparison, not `max`, so that NaN stays NaN.)
    let x = if x < -87.0 { -87.0 } else { x };
    // (Also a comparison, not `min`, which WebAssembly turns into a call of fminf.)
    let k = (x * LOG2_E + 0.5).floor();
    let k = if k > 128.0 { 128.0 } else { k };
    let r = (x - k * LN2_HI) - k * LN2_LO;
    let p = 1.0
        + r * (1.0
            + r * (0.5
                + r * (1.0 / 6.0
                    + r * (1.0 / 24.0
                        + r * (1.0 / 120.0 + r * (1.0 / 720.0 + r * (1.0 / 5040.0)))))));
    // 2^k, built from its exponent bits; k = 128 makes +∞ (with p ≥ 1).
    let two_k = f32::from_bits(((k as i32 + 127) as u32) << 23);
    p * two_k
}

/// Natural logarithm; NaN for negative input, −∞ for 0.
pub fn ln(x: f64) -> f64 {
    if x.is_nan() || x < 0.0 {
        return f64::NAN;
    }
    if x == 0.0 {
        return f64::NEG_INFINITY;
    }
    if x.is_infinite() {
        return x;
    }
    // Normalise subnormals, then split off the exponent.
    let (x, extra) = if x < f64::MIN_POSITIVE {
        (x * pow2(54), -54)
    } else {
        (x, 0)
    };
    let bits = x.to_bits();
    let mut e = ((bits >> 52) & 0x7ff) as i64 - 1023 + extra;
    let mut m = f64::from_bits((bits & 0x000f_ffff_ffff_ffff) | (1023u64 << 52));
    if m > std::f64::consts::SQRT_2 {
        m *= 0.5;
        e += 1;
    }
    let s = (m - 1.0) / (m + 1.0);
    let s2 = s * s;
    // 2·(s + s³/3 + … + s²¹/21): the remainder is below 1e-19 for |s| ≤ 0.172.
    let mut sum = 1.0 / 21.0;
    for d in (1..=9).rev() {
        sum = sum * s2 + 1.0 / (2 * d + 1) as f64;
    }
    sum = sum * s2 + 1.0;
    let e = e as f64;
    (e * LN2_HI + 2.0 * s * sum) + e * LN2_LO
}

/// x^y for x > 0, as exp(y·ln x).
pub fn powf(x: f64, y: f64) -> f64 {
    if x == 0.0 {
        return if y == 0.0 { 1.0 } else { 0.0 };
    }
    exp(y * ln(x))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rel(a: f64, b: f64) -> f64 {
        ((a - b) / b).abs()
    }

    #[test]
    fn exp_matches_the_platform_closely() {
        let mut x = -740.0;
        while x < 709.0 {
            assert!(rel(exp(x), x.exp()) < 4e-15, "exp({x})");
            x += 0.713;
        }
        assert_eq!(exp(0.0), 1.0);
        assert_eq!(exp(1000.0), f64::INFINITY);
        assert_eq!(exp(-1000.0), 0.0);
    }

    #[test]
    fn exp_f32_is_within_two_ulp() {
        let mut x = -87.0f32;
        while x < 88.0 {
            let ours = exp_f32(x);
            let reference = (x as f64).exp() as f32;
            let ulps = (ours.to_bits() as i64 - reference.to_bits() as i64).abs();
            assert!(ulps <= 2, "exp_f32({x}) = {ours} vs {reference}");
            x += 0.00173;
        }
        assert_eq!(exp_f32(0.0), 1.0);
        assert_eq!(exp_f32(100.0), f32::INFINITY);
        assert!(exp_f32(-1000.0) < 2e-38);
        assert!(exp_f32(f32::NAN).is_nan());
    }

    #[test]
    fn ln_and_pow() {
        for x in [
            1e-310, 1e-300, 0.1, 0.5, 1.0, 1.5, 2.0, 100.0, 31.6227766, 1e300,
        ] {
            assert!(
                (ln(x) - x.ln()).abs() <= 4e-16 * x.ln().abs().max(1.0),
                "ln({x})"
            );
        }
        assert_eq!(ln(1.0), 0.0);
        assert!((powf(100.0, 0.75) - 31.622776601683793).abs() < 1e-12);
        assert_eq!(powf(7.0, 0.0), 1.0);
    }
}
