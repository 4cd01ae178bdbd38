package io.emailaccounts.server.emailaccount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class BusinessScopeTest {

    @Test
    void shouldIncludeEveryBusinessOnlyWhenSaidSo() {
        assertThat(BusinessScope.every().isEvery()).isTrue();
        assertThat(BusinessScope.every().includes(424242L)).isTrue();
        assertThatThrownBy(() -> BusinessScope.every().businesses()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldIncludeTheBusinessesItNamesAndNoOther() {
        BusinessScope scope = BusinessScope.only(List.of(1001L, 1002L, 1001L));

        assertThat(scope.isEvery()).isFalse();
        assertThat(scope.includes(1002L)).isTrue();
        assertThat(scope.includes(1003L)).isFalse();
        assertThat(scope.businesses()).isEqualTo(Set.of(1001L, 1002L));
    }

    @Test
    void shouldRefuseAScopeOfNoBusinessRatherThanWidenIt() {
        assertThatThrownBy(() -> BusinessScope.only(Set.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
