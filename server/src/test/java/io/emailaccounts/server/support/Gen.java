package io.emailaccounts.server.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A generator of test values from a seeded random source, for property-style tests on JUnit's own parameterized
 * tests: the same seed gives the same values, so a failure is repeated by running again with the seed it names.
 * Boundaries (empty text, the ends of a range) come up more often than chance alone would bring them.
 */
@FunctionalInterface
public interface Gen<T> {

    /** The seed of this run: {@code -Dtest.seed=...} repeats a run, otherwise a new one each time. */
    long SEED = Long.getLong("test.seed", new SplittableRandom().nextLong());

    T next(SplittableRandom random);

    /**
     * {@code tries} values, each from its own random source derived from the run's seed, the test's name and the
     * try's number: one value can be reproduced without the others.
     */
    default Stream<Tried<T>> tries(String test, int tries) {
        long testSeed = SEED ^ test.hashCode() * 0x9E3779B97F4A7C15L;
        return IntStream.rangeClosed(1, tries)
                .mapToObj(number -> new Tried<>(number, next(new SplittableRandom(testSeed + number))));
    }

    default <R> Gen<R> map(Function<? super T, ? extends R> mapping) {
        return random -> mapping.apply(next(random));
    }

    default <R> Gen<R> flatMap(Function<? super T, Gen<? extends R>> mapping) {
        return random -> mapping.apply(next(random)).next(random);
    }

    /** Values this generator gives that pass the filter; fails when a thousand in a row do not. */
    default Gen<T> filter(Predicate<? super T> accepted) {
        return random -> {
            for (int attempt = 0; attempt < 1000; attempt++) {
                T value = next(random);
                if (accepted.test(value)) {
                    return value;
                }
            }
            throw new IllegalStateException("the filter refused 1000 values in a row");
        };
    }

    default Gen<List<T>> list(int minSize, int maxSize) {
        return random -> {
            int size = random.nextInt(minSize, maxSize + 1);
            List<T> values = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                values.add(next(random));
            }
            return values;
        };
    }

    @SafeVarargs
    static <T> Gen<T> of(T... values) {
        return of(Arrays.asList(values));
    }

    static <T> Gen<T> of(List<T> values) {
        List<T> copy = List.copyOf(values);
        return random -> copy.get(random.nextInt(copy.size()));
    }

    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... generators) {
        return oneOf(Arrays.asList(generators));
    }

    static <T> Gen<T> oneOf(List<? extends Gen<? extends T>> generators) {
        List<Gen<? extends T>> copy = List.copyOf(generators);
        return random -> copy.get(random.nextInt(copy.size())).next(random);
    }

    /** One of the generators, chosen in proportion to its weight. */
    static <T> Gen<T> frequency(List<Weighted<T>> choices) {
        int total = choices.stream().mapToInt(Weighted::weight).sum();
        return random -> {
            int pick = random.nextInt(total);
            for (Weighted<T> choice : choices) {
                pick -= choice.weight();
                if (pick < 0) {
                    return choice.generator().next(random);
                }
            }
            throw new AssertionError("weights add up to " + total);
        };
    }

    static Gen<Boolean> booleans() {
        return SplittableRandom::nextBoolean;
    }

    /** Integers in [min, max], with either end and zero (when in range) one time in eight. */
    static Gen<Integer> integers(int min, int max) {
        return random -> {
            if (random.nextInt(8) == 0) {
                int edge = random.nextInt(3);
                return edge == 0 ? min : edge == 1 ? max : min <= 0 && max >= 0 ? 0 : min;
            }
            return (int) random.nextLong(min, (long) max + 1);
        };
    }

    static Gen<Integer> integers() {
        return integers(Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** Finite doubles of every magnitude, with zero, the smallest and the largest among them. */
    static Gen<Double> doubles() {
        return random -> switch (random.nextInt(8)) {
            case 0 -> Gen.<Double>of(0.0, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 0.5).next(random);
            case 1 -> random.nextDouble(-1e6, 1e6);
            default -> {
                double value;
                do {
                    value = Double.longBitsToDouble(random.nextLong());
                } while (!Double.isFinite(value));
                yield value;
            }
        };
    }

    /** Text of any code points (control characters, other scripts, supplementary characters), empty now and then. */
    static Gen<String> strings(int minLength, int maxLength) {
        return strings(minLength, maxLength, anyCodePoint());
    }

    static Gen<String> strings(int minLength, int maxLength, Gen<Integer> codePoints) {
        return random -> {
            int length = random.nextInt(8) == 0 ? minLength : random.nextInt(minLength, maxLength + 1);
            StringBuilder text = new StringBuilder(length);
            while (text.length() < length) {
                int codePoint = codePoints.next(random);
                if (Character.charCount(codePoint) > length - text.length()) {
                    continue;
                }
                text.appendCodePoint(codePoint);
            }
            return text.toString();
        };
    }

    static Gen<Integer> codePoints(int first, int last) {
        return random -> random.nextInt(first, last + 1);
    }

    static Gen<Integer> digits() {
        return codePoints('0', '9');
    }

    /** Mostly printable ASCII, then control characters, any character of the basic plane, supplementary ones. */
    static Gen<Integer> anyCodePoint() {
        return frequency(List.of(
                new Weighted<>(6, codePoints(0x20, 0x7e)),
                new Weighted<>(1, codePoints(0x00, 0x1f)),
                new Weighted<>(2, codePoints(0x80, 0xffff).filter(c -> !Character.isSurrogate((char) c.intValue()))),
                new Weighted<>(1, codePoints(0x10000, Character.MAX_CODE_POINT))));
    }

    record Weighted<T>(int weight, Gen<? extends T> generator) {
    }

    /** One value of a property-style test, numbered within the run. */
    record Tried<T>(int number, T value) {
    }
}
