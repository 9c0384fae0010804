package io.quire.gateway.notebook;

/**
 * The longest strictly increasing subsequence of a sequence, in O(n log n) (patience sorting). Reordering cells
 * keeps these in place and moves only the others: the fewest single-cell moves that reach the new order.
 */
final class LongestIncreasingSubsequence {

    private LongestIncreasingSubsequence() {
    }

    /** @return for each position of {@code values}, whether it belongs to one longest increasing subsequence */
    static boolean[] of(int[] values) {
        int n = values.length;
        int[] tails = new int[n];          // tails[k]: position of the smallest tail of an increasing run of k + 1
        int[] previous = new int[n];       // previous[i]: position before i in the run that ends at i
        int length = 0;
        for (int i = 0; i < n; i++) {
            int low = 0;
            int high = length;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (values[tails[middle]] < values[i]) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            previous[i] = low > 0 ? tails[low - 1] : -1;
            tails[low] = i;
            length = Math.max(length, low + 1);
        }
        boolean[] kept = new boolean[n];
        for (int i = length > 0 ? tails[length - 1] : -1; i >= 0; i = previous[i]) {
            kept[i] = true;
        }
        return kept;
    }
}
