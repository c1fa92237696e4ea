package dev.nxcloud.simulator.state;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;

/**
 * Everything the simulator knows: accounts, apps, phones, tenants, templates, flows, media, failing recipients and
 * accepted messages. All methods are thread-safe; changes are visible to the next request.
 */
public final class SimulatorState {

	/** How many template media handles an upload answers: as many as the upload page's example holds. */
	public static final int HANDLES_PER_UPLOAD = 4;

	private static final String KEY_CHARS = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private final Clock clock;

	private final Map<String, Account> accounts = new ConcurrentHashMap<>();

	private final Map<String, App> apps = new ConcurrentHashMap<>();

	private final Map<String, BusinessPhone> phones = new ConcurrentHashMap<>();

	private final Map<Long, Tenant> tenants = new ConcurrentHashMap<>();

	private final Map<Long, Template> templates = new ConcurrentHashMap<>();

	private final Map<String, Flow> flows = new ConcurrentHashMap<>();

	private final Map<String, Media> media = new ConcurrentHashMap<>();

	private final Map<String, Media> mediaByHandle = new ConcurrentHashMap<>();

	private final Map<String, FailingRecipient> failingRecipients = new ConcurrentHashMap<>();

	private final BoundedHistory<AcceptedMessage> messages;

	private final AtomicLong nextAppId = new AtomicLong(1000);

	private final AtomicLong nextTemplateId = new AtomicLong(1_500_809_463_846_053L);

	private final AtomicLong nextMediaId = new AtomicLong(1_187_184_585_633_620L);

	/**
	 * An empty state.
	 * @param clock the clock that stamps templates and messages
	 * @param messageCapacity how many accepted messages to keep
	 */
	public SimulatorState(Clock clock, int messageCapacity) {
		this.clock = clock;
		this.messages = new BoundedHistory<>(messageCapacity);
	}

	// accounts

	/**
	 * Adds or replaces an account.
	 * @param account the account
	 * @return this state
	 */
	public SimulatorState addAccount(Account account) {
		this.accounts.put(account.accessKey(), account);
		return this;
	}

	/**
	 * The account with that access key.
	 * @param accessKey the access key
	 * @return the account, or empty
	 */
	public Optional<Account> account(String accessKey) {
		return Optional.ofNullable(this.accounts.get(accessKey));
	}

	/**
	 * All accounts.
	 * @return the accounts
	 */
	public List<Account> accounts() {
		return List.copyOf(this.accounts.values());
	}

	// apps

	/**
	 * Adds or replaces an app (its account must exist).
	 * @param app the app
	 * @return this state
	 */
	public SimulatorState addApp(App app) {
		requireAccount(app.accessKey());
		this.apps.put(app.appKey(), app);
		this.nextAppId.accumulateAndGet(app.appId() + 1, Math::max);
		return this;
	}

	/**
	 * Creates an app with a fresh id and key, as {@code createApp} does.
	 * @param accessKey the owning account
	 * @param appName the name
	 * @param webhook the webhook, or {@code null}
	 * @return the new app
	 */
	public App createApp(String accessKey, String appName, @Nullable String webhook) {
		StringBuilder key = new StringBuilder();
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (int i = 0; i < 8; i++) {
			key.append(KEY_CHARS.charAt(random.nextInt(KEY_CHARS.length())));
		}
		App app = new App(accessKey, this.nextAppId.getAndIncrement(), appName, key.toString(), webhook);
		addApp(app);
		return app;
	}

	/**
	 * The app with that key.
	 * @param appKey the app key
	 * @return the app, or empty
	 */
	public Optional<App> app(String appKey) {
		return Optional.ofNullable(this.apps.get(appKey));
	}

	/**
	 * The apps of an account.
	 * @param accessKey the account
	 * @return its apps
	 */
	public List<App> appsOf(String accessKey) {
		return this.apps.values().stream().filter((app) -> app.accessKey().equals(accessKey)).toList();
	}

	// phones

	/**
	 * Adds or replaces a business phone (its app must exist).
	 * @param phone the phone
	 * @return this state
	 */
	public SimulatorState addPhone(BusinessPhone phone) {
		if (!this.apps.containsKey(phone.appKey())) {
			throw new IllegalArgumentException("Unknown app " + phone.appKey());
		}
		this.phones.put(phone.phone(), phone);
		return this;
	}

	/**
	 * The business phone with that number.
	 * @param phone the number
	 * @return the phone, or empty
	 */
	public Optional<BusinessPhone> phone(String phone) {
		return Optional.ofNullable(this.phones.get(phone));
	}

	/**
	 * The phones bound to an app, ordered by number.
	 * @param appKey the app key
	 * @return the phones
	 */
	public List<BusinessPhone> phonesOf(String appKey) {
		return this.phones.values()
			.stream()
			.filter((phone) -> phone.appKey().equals(appKey))
			.sorted(Comparator.comparing(BusinessPhone::phone))
			.toList();
	}

	// tenants

	/**
	 * Adds or replaces a tenant (its account must exist).
	 * @param tenant the tenant
	 * @return this state
	 */
	public SimulatorState addTenant(Tenant tenant) {
		requireAccount(tenant.accessKey());
		this.tenants.put(tenant.tenantId(), tenant);
		return this;
	}

	/**
	 * The tenant with that id.
	 * @param tenantId the id
	 * @return the tenant, or empty
	 */
	public Optional<Tenant> tenant(long tenantId) {
		return Optional.ofNullable(this.tenants.get(tenantId));
	}

	// templates

	/**
	 * Adds a template; an id of 0 gets a fresh id and the current time as its timestamps.
	 * @param template the template
	 * @return the stored template
	 */
	public Template addTemplate(Template template) {
		Template stored = template;
		if (template.id() == 0) {
			Instant now = this.clock.instant();
			stored = template.withIdentity(this.nextTemplateId.getAndIncrement(), now, now);
		}
		this.templates.put(stored.id(), stored);
		return stored;
	}

	/**
	 * Replaces a stored template, keeping its creation time and stamping the update time.
	 * @param template the new version (same id)
	 * @return the stored template
	 */
	public Template updateTemplate(Template template) {
		Template old = this.templates.get(template.id());
		Instant created = (old != null) ? old.createdAt() : this.clock.instant();
		Template stored = template.withIdentity(template.id(), created, this.clock.instant());
		this.templates.put(stored.id(), stored);
		return stored;
	}

	/**
	 * Sets the review status of a template, e.g. to {@code REJECTED} or {@code PAUSED}.
	 * @param templateId the id
	 * @param status the status
	 */
	public void setTemplateStatus(long templateId, String status) {
		this.templates.computeIfPresent(templateId, (id, template) -> template.withStatus(status));
	}

	/**
	 * The template with that id.
	 * @param templateId the id
	 * @return the template, or empty
	 */
	public Optional<Template> template(long templateId) {
		return Optional.ofNullable(this.templates.get(templateId));
	}

	/**
	 * The template of a phone with that name and language.
	 * @param phone the business phone
	 * @param name the name
	 * @param language the language code
	 * @return the template, or empty
	 */
	public Optional<Template> template(String phone, String name, String language) {
		return this.templates.values()
			.stream()
			.filter((t) -> t.phone().equals(phone) && t.name().equals(name) && t.language().equals(language))
			.findFirst();
	}

	/**
	 * The templates of a phone, newest (highest id) first.
	 * @param phone the business phone
	 * @return the templates
	 */
	public List<Template> templatesOf(String phone) {
		return this.templates.values()
			.stream()
			.filter((t) -> t.phone().equals(phone))
			.sorted(Comparator.comparingLong(Template::id).reversed())
			.toList();
	}

	/**
	 * Deletes a template.
	 * @param templateId the id
	 * @return whether it existed
	 */
	public boolean deleteTemplate(long templateId) {
		return this.templates.remove(templateId) != null;
	}

	// flows

	/**
	 * Adds or replaces a flow.
	 * @param flow the flow
	 * @return this state
	 */
	public SimulatorState addFlow(Flow flow) {
		this.flows.put(flow.id(), flow);
		return this;
	}

	/**
	 * The flows of a phone, ordered by id.
	 * @param phone the business phone
	 * @return the flows
	 */
	public List<Flow> flowsOf(String phone) {
		return this.flows.values()
			.stream()
			.filter((flow) -> flow.phone().equals(phone))
			.sorted(Comparator.comparing(Flow::id))
			.toList();
	}

	// media

	/**
	 * Stores an upload and assigns its media id and its {@value #HANDLES_PER_UPLOAD} template media handles, in the
	 * form of the upload page's example ({@code 4:<base64 file name>:<base64 MIME type>:<signature>:e:<expiry>:...}).
	 * @param phone the business phone
	 * @param filename the file name
	 * @param mimeType the MIME type
	 * @param content the bytes
	 * @return the stored media
	 */
	public Media addMedia(String phone, String filename, String mimeType, byte[] content) {
		String mediaId = Long.toString(this.nextMediaId.getAndIncrement());
		Base64.Encoder base64 = Base64.getEncoder();
		String prefix = "4:" + base64.encodeToString(filename.getBytes(StandardCharsets.UTF_8)) + ":"
				+ base64.encodeToString(mimeType.getBytes(StandardCharsets.UTF_8)) + ":";
		long expiry = this.clock.instant().plusSeconds(30L * 24 * 3600).getEpochSecond();
		List<String> handles = IntStream.rangeClosed(1, HANDLES_PER_UPLOAD)
			.mapToObj((i) -> prefix + "ARsim" + mediaId + "h" + i + ":e:" + expiry + ":" + mediaId + ":" + phone
					+ ":ARsim" + i)
			.toList();
		Media stored = new Media(phone, mediaId, handles, filename, mimeType, content.clone());
		this.media.put(mediaId, stored);
		handles.forEach((handle) -> this.mediaByHandle.put(handle, stored));
		return stored;
	}

	/**
	 * Whether a handle may be a template's {@code templateMediaId} on a phone: one of the handles an upload for that
	 * phone answered, or one a template of that phone already carries (a seeded one, or the one an update keeps).
	 * @param phone the business phone
	 * @param handle the handle
	 * @return whether it is known for that phone
	 */
	public boolean isTemplateMediaHandle(String phone, String handle) {
		Media uploaded = this.mediaByHandle.get(handle);
		if (uploaded != null) {
			return uploaded.phone().equals(phone);
		}
		return this.templates.values()
			.stream()
			.anyMatch((t) -> t.phone().equals(phone) && handle.equals(t.templateMediaId()));
	}

	/**
	 * The uploaded media with that id.
	 * @param mediaId the media id
	 * @return the media, or empty
	 */
	public Optional<Media> media(String mediaId) {
		return Optional.ofNullable(this.media.get(mediaId));
	}

	// failing recipients

	/**
	 * Makes sends to a recipient end with a {@code failed} status callback.
	 * @param recipient the recipient and its error
	 * @return this state
	 */
	public SimulatorState addFailingRecipient(FailingRecipient recipient) {
		this.failingRecipients.put(recipient.to(), recipient);
		return this;
	}

	/**
	 * The failure configured for a recipient.
	 * @param to the recipient
	 * @return the failure, or empty
	 */
	public Optional<FailingRecipient> failingRecipient(String to) {
		return Optional.ofNullable(this.failingRecipients.get(to));
	}

	// messages

	/**
	 * Records an accepted message.
	 * @param message the message
	 */
	public void recordMessage(AcceptedMessage message) {
		this.messages.add(message);
	}

	/**
	 * The accepted messages still kept (see the message capacity), oldest first.
	 * @return the messages
	 */
	public List<AcceptedMessage> messages() {
		return this.messages.snapshot();
	}

	/**
	 * The kept accepted message with that id.
	 * @param id the message id
	 * @return the message, or empty
	 */
	public Optional<AcceptedMessage> message(String id) {
		List<AcceptedMessage> found = this.messages.snapshot((m) -> m.id().equals(id));
		return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
	}

	/**
	 * How many messages were accepted, including those no longer kept.
	 * @return the count
	 */
	public long acceptedMessageCount() {
		return this.messages.totalAdded();
	}

	private void requireAccount(String accessKey) {
		if (!this.accounts.containsKey(accessKey)) {
			throw new IllegalArgumentException("Unknown account " + accessKey);
		}
	}

}
