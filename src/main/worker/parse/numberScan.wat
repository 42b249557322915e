;; The hot loop of the snapshot parser: one job of a JSON array of non-negative integers
;; (see numberJobScan.ts) scanned into f64 values. It takes only the layout V8 writes (digits,
;; ",", "\n," and a closing "]") and returns -1 for anything else, errors included, which the
;; JavaScript scanner then handles and explains. Compiled ahead of the run, it is fast from the
;; first job instead of after the JIT has warmed up.
(module
  (import "scan" "memory" (memory 1))

  ;; Scans `length` bytes at address 0; stores the values as f64 from `out` on and returns how
  ;; many there were, or -1. `last`: the job must end with the array's "]" rather than a comma.
  (func (export "scan") (param $length i32) (param $last i32) (param $out i32) (result i32)
    (local $at i32) (local $start i32) (local $count i32) (local $digit i32) (local $byte i32)
    (local $value i64)
    (if (i32.eqz (local.get $length)) (then (return (i32.const -1))))
    ;; A job ends with a comma (or "]" if last), so every run of digits stops before the end
    ;; and the loops below need no bounds checks.
    (local.set $byte (i32.load8_u (i32.sub (local.get $length) (i32.const 1))))
    (if (i32.ne (local.get $byte) (select (i32.const 93) (i32.const 44) (local.get $last)))
      (then (return (i32.const -1))))
    (block $other
      (loop $number
        (local.set $start (local.get $at))
        (local.set $digit (i32.sub (i32.load8_u (local.get $at)) (i32.const 48)))
        (br_if $other (i32.gt_u (local.get $digit) (i32.const 9)))
        (local.set $value (i64.extend_i32_u (local.get $digit)))
        (loop $digits
          (local.set $at (i32.add (local.get $at) (i32.const 1)))
          (local.set $digit (i32.sub (i32.load8_u (local.get $at)) (i32.const 48)))
          (if (i32.le_u (local.get $digit) (i32.const 9))
            (then
              (local.set $value
                (i64.add (i64.mul (local.get $value) (i64.const 10)) (i64.extend_i32_u (local.get $digit))))
              (br $digits))))
        ;; 2^53 - 1 has 16 digits: longer runs could overflow, larger values lose exactness.
        (br_if $other (i32.gt_u (i32.sub (local.get $at) (local.get $start)) (i32.const 16)))
        (br_if $other (i64.gt_u (local.get $value) (i64.const 9007199254740991)))
        (f64.store (local.get $out) (f64.convert_i64_u (local.get $value)))
        (local.set $out (i32.add (local.get $out) (i32.const 8)))
        (local.set $count (i32.add (local.get $count) (i32.const 1)))
        (local.set $byte (i32.load8_u (local.get $at)))
        (if (i32.eq (local.get $byte) (i32.const 10))
          (then
            (local.set $at (i32.add (local.get $at) (i32.const 1)))
            (local.set $byte (i32.load8_u (local.get $at)))))
        (if (i32.eq (local.get $byte) (i32.const 44))
          (then
            (local.set $at (i32.add (local.get $at) (i32.const 1)))
            (br_if $number (i32.lt_u (local.get $at) (local.get $length)))
            (return (local.get $count))))
        (br_if $other (i32.ne (local.get $byte) (i32.const 93)))
        (return (local.get $count))))
    (i32.const -1)))
