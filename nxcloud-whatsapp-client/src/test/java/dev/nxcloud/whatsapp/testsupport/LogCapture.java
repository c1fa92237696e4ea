package dev.nxcloud.whatsapp.testsupport;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/**
 * Records what one class logs, from {@code DEBUG} up, while it is open.
 */
public final class LogCapture implements AutoCloseable {

	private final Logger logger;

	private final Level previousLevel;

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private LogCapture(Logger logger, boolean debug) {
		this.logger = logger;
		this.previousLevel = logger.getLevel();
		if (debug) {
			logger.setLevel(Level.DEBUG);
		}
		this.appender.start();
		this.logger.addAppender(this.appender);
	}

	public static LogCapture of(Class<?> source) {
		return new LogCapture((Logger) LoggerFactory.getLogger(source), true);
	}

	/**
	 * Records what any class logs, at the levels already enabled, while it is open.
	 * @return the capture
	 */
	public static LogCapture everything() {
		return new LogCapture((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME), false);
	}

	/**
	 * Each event logged so far.
	 * @return the events
	 */
	public List<ILoggingEvent> events() {
		synchronized (this.appender) {
			return List.copyOf(this.appender.list);
		}
	}

	/**
	 * Each line logged so far: its level, its message and, if any, the message of its exception.
	 * @return the lines
	 */
	public List<String> lines() {
		return this.appender.list.stream()
			.map((event) -> event.getLevel() + " " + event.getFormattedMessage()
					+ ((event.getThrowableProxy() != null) ? " " + event.getThrowableProxy().getMessage() : ""))
			.toList();
	}

	/**
	 * Everything logged so far, one line per event.
	 * @return the text
	 */
	public String text() {
		return String.join("\n", lines());
	}

	@Override
	public void close() {
		this.logger.detachAppender(this.appender);
		this.logger.setLevel(this.previousLevel);
	}

}
