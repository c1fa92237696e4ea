package dev.nxcloud.whatsapp;

/**
 * The pace of one business phone's sends: a token bucket that holds up to {@code burst} sends and refills at
 * {@code messagesPerSecond}. A send takes a token, waiting for one when the bucket is empty, so that in any period
 * of {@code t} seconds at most {@code burst + messagesPerSecond × t} sends go (retries of sends refused for going too
 * fast take tokens too).
 *
 * @param messagesPerSecond how fast the bucket refills, in sends per second; positive
 * @param burst how many sends the full bucket lets go at once; at least 1 (1: evenly spaced sends)
 */
public record SendRate(double messagesPerSecond, int burst) {

	/**
	 * Create a send rate.
	 * @param messagesPerSecond how fast the bucket refills, in sends per second; positive
	 * @param burst how many sends the full bucket lets go at once; at least 1
	 */
	public SendRate {
		if (!(messagesPerSecond > 0) || Double.isInfinite(messagesPerSecond)) {
			throw new IllegalArgumentException("messagesPerSecond must be positive (got " + messagesPerSecond + ")");
		}
		if (burst < 1) {
			throw new IllegalArgumentException("burst must be at least 1 (got " + burst + ")");
		}
	}

}
