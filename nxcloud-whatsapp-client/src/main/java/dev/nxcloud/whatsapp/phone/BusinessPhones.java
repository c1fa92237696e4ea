package dev.nxcloud.whatsapp.phone;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The answer of {@code getPhone}: phone information keyed by the business phone number, as NxCloud returns it.
 *
 * @param byPhone for each business phone, its information (NxCloud sends a list holding one entry)
 */
public record BusinessPhones(@JsonValue Map<String, List<PhoneInfo>> byPhone) {

	/**
	 * Read NxCloud's {@code data} object.
	 * @param byPhone the data object
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public BusinessPhones {
		byPhone = Collections.unmodifiableMap(new LinkedHashMap<>(byPhone));
	}

	/**
	 * The information for one business phone.
	 * @param phone the business phone, as keyed by NxCloud
	 * @return its information, or empty when NxCloud did not report it
	 */
	public Optional<PhoneInfo> get(String phone) {
		List<PhoneInfo> infos = this.byPhone.get(phone);
		return (infos != null) ? infos.stream().findFirst() : Optional.empty();
	}

	/**
	 * Every reported business phone with its first information entry.
	 * @return the phones in NxCloud's order
	 */
	public Map<String, PhoneInfo> phones() {
		Map<String, PhoneInfo> phones = new LinkedHashMap<>();
		this.byPhone.forEach((phone, infos) -> infos.stream().findFirst().ifPresent((info) -> phones.put(phone, info)));
		return phones;
	}

}
