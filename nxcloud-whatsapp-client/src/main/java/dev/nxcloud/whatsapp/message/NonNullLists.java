package dev.nxcloud.whatsapp.message;

import java.util.ArrayList;
import java.util.List;

import dev.nxcloud.whatsapp.NxCloudValidation;
import dev.nxcloud.whatsapp.error.NxCloudValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Copies of the lists a request is built from, refusing a {@code null} list or element by name
 * ({@code body.parameters[1] is required}) where {@link List#copyOf} would throw a bare {@link NullPointerException}.
 */
final class NonNullLists {

	private NonNullLists() {
	}

	/**
	 * An unmodifiable copy of a list without {@code null}.
	 * @param <T> the element type
	 * @param field the list's field name
	 * @param list the list
	 * @return the copy
	 * @throws NxCloudValidationException if the list or one of its elements is {@code null}
	 */
	static <T> List<T> copyOf(String field, @Nullable List<? extends @Nullable T> list) {
		NxCloudValidation.requireNonNull(field, list);
		List<T> copy = new ArrayList<>(list.size());
		for (int i = 0; i < list.size(); i++) {
			copy.add(NxCloudValidation.requireNonNull(field + "[" + i + "]", list.get(i)));
		}
		return List.copyOf(copy);
	}

}
