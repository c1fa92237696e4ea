package dev.nxcloud.whatsapp.phone;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.nxcloud.whatsapp.NxCloudValidation;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code getPhone}: phone information keyed by the business phone number.
 * <p>
 * NxCloud's page documents two shapes for {@code data}: its example keys {@code data} by phone number, each key
 * holding a list with the phone's information, while its response table describes {@code data.business_phones}, a
 * list of phone objects. Both are read (see {@link #fromData(Map)}); in the table's shape a phone is keyed by its
 * {@code display_phone_number} without the {@code +}, spaces and punctuation, as the example's keys are.
 *
 * @param byPhone for each business phone, its information (NxCloud sends a list holding one entry)
 */
public record BusinessPhones(@JsonValue Map<String, List<PhoneInfo>> byPhone) {

	/** The field of the response table's shape; never a phone number. */
	static final String TABLE_FIELD = "business_phones";

	/**
	 * Create the answer.
	 * @param byPhone for each business phone, its information
	 */
	public BusinessPhones {
		byPhone = Collections.unmodifiableMap(new LinkedHashMap<>(byPhone));
	}

	/**
	 * Read NxCloud's {@code data} object in either documented shape: keyed by phone number, or holding the list
	 * {@code business_phones}. The two may not be told apart wrongly: a phone number is digits, never
	 * {@code business_phones}.
	 * @param data the data object
	 * @return the answer
	 * @throws IllegalArgumentException if a phone is {@code null}, or a phone of the list has no
	 * {@code display_phone_number} to key it by
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static BusinessPhones fromData(Map<String, @Nullable List<@Nullable PhoneInfo>> data) {
		Map<String, List<PhoneInfo>> byPhone = new LinkedHashMap<>();
		data.forEach((key, infos) -> {
			List<@Nullable PhoneInfo> entries = (infos != null) ? infos : List.of();
			for (int i = 0; i < entries.size(); i++) {
				String field = "data." + (TABLE_FIELD.equals(key) ? key : NxCloudValidation.quote(key)) + "[" + i
						+ "]";
				PhoneInfo info = entries.get(i);
				if (info == null) {
					throw new IllegalArgumentException(field + " is null, not a phone object");
				}
				String phone = TABLE_FIELD.equals(key) ? phoneOf(field, info) : key;
				byPhone.computeIfAbsent(phone, (newPhone) -> new ArrayList<>()).add(info);
			}
		});
		return new BusinessPhones(byPhone);
	}

	private static String phoneOf(String field, PhoneInfo info) {
		StringBuilder phone = new StringBuilder();
		if (info.displayPhoneNumber() != null) {
			info.displayPhoneNumber().codePoints().filter(Character::isLetterOrDigit).forEach(phone::appendCodePoint);
		}
		if (phone.isEmpty()) {
			throw new IllegalArgumentException(field
					+ ".display_phone_number is missing, so the phone cannot be told apart from the others");
		}
		return phone.toString();
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
