;; The keyword rule of severity.ts (see firstWord there) for whole messages, and the search for
;; a line's end and its legacy `$$<` tail, 16 positions at a time: on a 100 MB legacy log, where
;; every line needs both, the keywords take a third of the time of the rule's regex, which was the
;; largest cost of the parse. kernel.ts copies a window of the text into memory and calls `line`
;; and `severity`. This is a template: `npm run wasm` (scripts/compile-wasm.mjs) fills in the
;; `;; @keywords:` parts from the one keyword list (keywords.ts) and compiles the result into
;; kernelWasm.ts; a unit test checks that the two agree.
;;
;; Bytes are characters: Latin-1, or code units narrowed by codeUnits (decode.ts: any unit above
;; 255 becomes 255, which, like the rule's regex, counts as neither a letter nor a word character).
;; `| 0x20` lower-cases a letter and never turns another byte into one.
(module
  (memory (export "memory") 4)
  ;; Set by $at: whether the word found is a warning word, and how long the match is.
  (global $warn (mut i32) (i32.const 0))
  (global $len (mut i32) (i32.const 0))

  ;; [0-9A-Za-z_], what `\b` counts as a word character.
  (func $word (param $c i32) (result i32)
    (i32.or
      (i32.le_u (i32.sub (i32.or (local.get $c) (i32.const 0x20)) (i32.const 97)) (i32.const 25))
      (i32.or
        (i32.le_u (i32.sub (local.get $c) (i32.const 48)) (i32.const 9))
        (i32.eq (local.get $c) (i32.const 95)))))

  ;; Whether a word ends at q: the string ends there, or a non-word character follows.
  (func $boundary (param $q i32) (param $b i32) (result i32)
    (if (result i32) (i32.ge_u (local.get $q) (local.get $b))
      (then (i32.const 1))
      (else (i32.eqz (call $word (i32.load8_u (local.get $q)))))))

  ;; $at (param $p $a $b $errorsOnly) (result i32): whether a keyword starts at p and ends before b
  ;; (the string is [a, b)); sets $warn and $len. Generated from keywords.ts by compile-wasm.mjs.
  ;; @keywords:at

  ;; Start of the first keyword in [a, b), or b. Each block of 16 positions is tested for the
  ;; words' first three letters, and only the positions that pass are checked whole by $at.
  ;; Loads read up to 18 bytes past b (and $at up to MAX_REACH of keywords.ts past a candidate);
  ;; the caller leaves room for them, and positions from b on are masked off.
  (func $first (param $a i32) (param $b i32) (param $errorsOnly i32) (result i32)
    (local $p i32) (local $m i32) (local $q i32)
    (local $v0 v128) (local $v1 v128) (local $v2 v128)
    (local.set $p (local.get $a))
    (block $done
      (loop $block
        (br_if $done (i32.ge_s (local.get $p) (local.get $b)))
        ;; The lower-cased characters at each position, one and two further on.
        (local.set $v0 (v128.or (v128.load (local.get $p)) (i8x16.splat (i32.const 0x20))))
        (local.set $v1 (v128.or (v128.load offset=1 (local.get $p)) (i8x16.splat (i32.const 0x20))))
        (local.set $v2 (v128.or (v128.load offset=2 (local.get $p)) (i8x16.splat (i32.const 0x20))))
        ;; Positions where a word's first three letters are (warning words unless $errorsOnly),
        ;; from $v0-$v2. Generated from keywords.ts by compile-wasm.mjs.
        (local.set $m
          ;; @keywords:candidates
        )
        (if (i32.lt_s (i32.sub (local.get $b) (local.get $p)) (i32.const 16))
          (then (local.set $m (i32.and (local.get $m)
            (i32.sub (i32.shl (i32.const 1) (i32.sub (local.get $b) (local.get $p))) (i32.const 1))))))
        ;; The candidates, first to last.
        (block $none
          (loop $bits
            (br_if $none (i32.eqz (local.get $m)))
            (local.set $q (i32.add (local.get $p) (i32.ctz (local.get $m))))
            (if (call $at (local.get $q) (local.get $a) (local.get $b) (local.get $errorsOnly))
              (then (return (local.get $q))))
            (local.set $m (i32.and (local.get $m) (i32.sub (local.get $m) (i32.const 1))))
            (br $bits)))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $block)))
    (local.get $b))

  ;; Severity of the message [a, b): 1 information, 2 warning, 3 error (as Severity in model.ts).
  ;; A warning word first leaves the rest of the message, as a string of its own, to the error
  ;; words.
  (func (export "severity") (param $a i32) (param $b i32) (result i32)
    (local $s i32)
    (local.set $s (call $first (local.get $a) (local.get $b) (i32.const 0)))
    (if (i32.ge_u (local.get $s) (local.get $b)) (then (return (i32.const 1))))
    (if (i32.eqz (global.get $warn)) (then (return (i32.const 3))))
    (if (result i32)
      (i32.lt_u (call $first (i32.add (local.get $s) (global.get $len)) (local.get $b) (i32.const 1)) (local.get $b))
      (then (i32.const 3))
      (else (i32.const 2))))

  ;; The line that starts at a, in [a, b): returns where its first CR or LF is (b if none), and
  ;; stores at address 0 where its first `$$<` before that starts (the CR or LF, or b, if none).
  ;; The caller tells a CRLF from a lone CR (both end a line). Loads read up to 18 bytes past b;
  ;; what they find there is not taken.
  (func (export "line") (param $a i32) (param $b i32) (result i32)
    (local $p i32) (local $nl i32) (local $dl i32) (local $q i32) (local $raw v128) (local $tail i32)
    (local.set $p (local.get $a))
    (local.set $tail (i32.const -1))
    (block $done
      (loop $block
        (br_if $done (i32.ge_s (local.get $p) (local.get $b)))
        (local.set $raw (v128.load (local.get $p)))
        (local.set $nl (i8x16.bitmask (v128.or
          (i8x16.eq (local.get $raw) (i8x16.splat (i32.const 10)))
          (i8x16.eq (local.get $raw) (i8x16.splat (i32.const 13))))))
        (if (i32.lt_s (local.get $tail) (i32.const 0))
          (then
            (local.set $dl (i8x16.bitmask (v128.and
              (v128.and
                (i8x16.eq (local.get $raw) (i8x16.splat (i32.const 36)))
                (i8x16.eq (v128.load offset=1 (local.get $p)) (i8x16.splat (i32.const 36))))
              (i8x16.eq (v128.load offset=2 (local.get $p)) (i8x16.splat (i32.const 60))))))
            (if (local.get $dl)
              (then
                (local.set $q (i32.add (local.get $p) (i32.ctz (local.get $dl))))
                (if (i32.and
                      (i32.le_s (i32.add (local.get $q) (i32.const 3)) (local.get $b))
                      (i32.or (i32.eqz (local.get $nl)) (i32.lt_u (i32.ctz (local.get $dl)) (i32.ctz (local.get $nl)))))
                  (then (local.set $tail (local.get $q))))))))
        (if (local.get $nl)
          (then
            (local.set $q (i32.add (local.get $p) (i32.ctz (local.get $nl))))
            (if (i32.lt_s (local.get $q) (local.get $b))
              (then
                (i32.store (i32.const 0) (select (local.get $tail) (local.get $q) (i32.ge_s (local.get $tail) (i32.const 0))))
                (return (local.get $q))))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $block)))
    (i32.store (i32.const 0) (select (local.get $tail) (local.get $b) (i32.ge_s (local.get $tail) (i32.const 0))))
    (local.get $b))

  ;; Code units to bytes (decode.ts, narrowUtf16): the n little-endian UTF-16 units at src become
  ;; n bytes at dst, a unit above 255 as 255; returns the OR of the units, which says whether they
  ;; were all ASCII or Latin-1. 16 units at a time: the caller leaves zeros after the n units up to
  ;; the next 16 (they are read, and OR nothing) and room after dst for the last 16 bytes written.
  (func (export "narrow") (param $src i32) (param $n i32) (param $dst i32) (result i32)
    (local $i i32) (local $a v128) (local $b v128) (local $or v128)
    (block $done
      (loop $block
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $a (v128.load (i32.add (local.get $src) (i32.shl (local.get $i) (i32.const 1)))))
        (local.set $b (v128.load offset=16 (i32.add (local.get $src) (i32.shl (local.get $i) (i32.const 1)))))
        (local.set $or (v128.or (local.get $or) (v128.or (local.get $a) (local.get $b))))
        ;; The narrowing saturates signed units: the units are clamped to 255 first.
        (v128.store (i32.add (local.get $dst) (local.get $i))
          (i8x16.narrow_i16x8_u
            (i16x8.min_u (local.get $a) (i16x8.splat (i32.const 255)))
            (i16x8.min_u (local.get $b) (i16x8.splat (i32.const 255)))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $block)))
    (i32.or
      (i32.or
        (i32.or (i16x8.extract_lane_u 0 (local.get $or)) (i16x8.extract_lane_u 1 (local.get $or)))
        (i32.or (i16x8.extract_lane_u 2 (local.get $or)) (i16x8.extract_lane_u 3 (local.get $or))))
      (i32.or
        (i32.or (i16x8.extract_lane_u 4 (local.get $or)) (i16x8.extract_lane_u 5 (local.get $or)))
        (i32.or (i16x8.extract_lane_u 6 (local.get $or)) (i16x8.extract_lane_u 7 (local.get $or))))))
)
