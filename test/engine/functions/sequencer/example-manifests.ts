/**
 * Manifests of the example/ folder of crossplane-contrib/function-sequencer at v0.6.0 (commit
 * 8ee29b46b7b9491fb307cf6caf339541a8d93422), verbatim, for examples.test.ts.
 */

/** example/composition-regex.yaml */
export const COMPOSITION_REGEX = `apiVersion: apiextensions.crossplane.io/v1
kind: Composition
metadata:
  name: function-sequencer-regex
spec:
  compositeTypeRef:
    apiVersion: example.crossplane.io/v1
    kind: XR
  mode: Pipeline
  pipeline:
  - step: patch-and-transform
    functionRef:
      name: function-patch-and-transform
    input:
      apiVersion: pt.fn.crossplane.io/v1beta1
      kind: Resources
      resources:
        - name: first-subresource-1
          base:
            apiVersion: nop.crossplane.io/v1alpha1
            kind: NopResource
            metadata:
              name: first-subresource-1
            spec:
              forProvider:
                conditionAfter:
                  - time: 5s
                    conditionType: Ready
                    conditionStatus: "False"
                  - time: 10s
                    conditionType: Ready
                    conditionStatus: "True"
                  # We should not delete the dependent resources if this turns back to unready.
                  - time: 30s
                    conditionType: Ready
                    conditionStatus: "False"
                  - time: 90s
                    conditionType: Ready
                    conditionStatus: "True"
        - name: first-subresource-2
          base:
            apiVersion: nop.crossplane.io/v1alpha1
            kind: NopResource
            metadata:
              name: first-subresource-2
            spec:
              forProvider:
                conditionAfter:
                  - time: 5s
                    conditionType: Ready
                    conditionStatus: "False"
                  - time: 10s
                    conditionType: Ready
                    conditionStatus: "True"
        - name: second-object
          base:
            apiVersion: nop.crossplane.io/v1alpha1
            kind: NopResource
            metadata:
              name: second-object
            spec:
              forProvider:
                conditionAfter:
                  - time: 5s
                    conditionType: Ready
                    conditionStatus: "False"
                  - time: 10s
                    conditionType: Ready
                    conditionStatus: "True"
        - name: third-resource
          base:
            apiVersion: nop.crossplane.io/v1alpha1
            kind: NopResource
            metadata:
              name: third-resource
            spec:
              forProvider:
                conditionAfter:
                  - time: 5s
                    conditionType: Ready
                    conditionStatus: "False"
                  - time: 10s
                    conditionType: Ready
                    conditionStatus: "True"
  - step: detect-readiness
    functionRef:
      name: function-auto-ready
  - step: sequence-creation
    functionRef:
      name: function-sequencer
    input:
      apiVersion: sequencer.fn.crossplane.io/v1beta1
      kind: Input
      rules:
        - sequence:
          - first-subresource-.*
          - object$ # this will match everything that ends with "object"
          - third-resource
`;

/** example/observed-regex.yaml */
export const OBSERVED_REGEX = `apiVersion: nop.crossplane.io/v1alpha1
kind: NopResource
metadata:
  annotations:
    crossplane.io/external-name: foo
    crossplane.io/composition-resource-name: first-subresource-2
  name: first-subresource-2
spec:
  forProvider:
    conditionAfter:
      - conditionStatus: "True"
        conditionType: Ready
        time: 1s
      - conditionStatus: "False"
        conditionType: Ready
        time: 0s
status:
  atProvider: {}
  conditions:
    - lastTransitionTime: "2024-02-17T11:56:27Z"
      reason: ReconcileSuccess
      status: "True"
      type: Synced
    - lastTransitionTime: "2024-02-17T11:56:28Z"
      reason: ""
      status: "True"
      type: Ready
---
apiVersion: nop.crossplane.io/v1alpha1
kind: NopResource
metadata:
  annotations:
    crossplane.io/external-name: foo
    crossplane.io/composition-resource-name: first-subresource-1
  name: first-subresource-1
spec:
  forProvider:
    conditionAfter:
      - conditionStatus: "True"
        conditionType: Ready
        time: 1s
      - conditionStatus: "False"
        conditionType: Ready
        time: 0s
status:
  atProvider: {}
  conditions:
    - lastTransitionTime: "2024-02-17T11:56:27Z"
      reason: ReconcileSuccess
      status: "True"
      type: Synced
    - lastTransitionTime: "2024-02-17T11:56:28Z"
      reason: ""
      status: "True"
      type: Ready
`;

/** example/composition-with-deletion-sequencing.yaml */
export const COMPOSITION_DELETION = `apiVersion: apiextensions.crossplane.io/v1
kind: Composition
metadata:
  name: function-sequencer-with-deletion
spec:
  compositeTypeRef:
    apiVersion: example.crossplane.io/v1
    kind: XR
  mode: Pipeline
  pipeline:
  - step: patch-and-transform
    functionRef:
      name: function-patch-and-transform
    input:
      apiVersion: pt.fn.crossplane.io/v1beta1
      kind: Resources
      resources:
        - name: first-resource
          base:
            apiVersion: nop.crossplane.io/v1alpha1
            kind: NopResource
            spec:
              forProvider:
                conditionAfter:
                  - time: 5s
                    conditionType: Ready
                    conditionStatus: "False"
                  - time: 10s
                    conditionType: Ready
                    conditionStatus: "True"
                  # We should not delete the dependent resources if this turns back to unready.
                  - time: 30s
                    conditionType: Ready
                    conditionStatus: "False"
                  - time: 90s
                    conditionType: Ready
                    conditionStatus: "True"
        - name: second-resource
          base:
            apiVersion: nop.crossplane.io/v1alpha1
            kind: NopResource
            spec:
              forProvider:
                conditionAfter:
                  - time: 5s
                    conditionType: Ready
                    conditionStatus: "False"
                  - time: 10s
                    conditionType: Ready
                    conditionStatus: "True"
        - name: third-resource
          base:
            apiVersion: nop.crossplane.io/v1alpha1
            kind: NopResource
            spec:
              forProvider:
                conditionAfter:
                  - time: 5s
                    conditionType: Ready
                    conditionStatus: "False"
                  - time: 10s
                    conditionType: Ready
                    conditionStatus: "True"
  - step: detect-readiness
    functionRef:
      name: function-auto-ready
  - step: sequence-creation
    functionRef:
      name: function-sequencer
    input:
      apiVersion: sequencer.fn.crossplane.io/v1beta1
      kind: Input
      enableDeletionSequencing: true
      replayDeletion: true
      rules:
        - sequence:
          - first-resource
          - second-resource
        - sequence:
          - first-resource
          - third-resource
      usageVersion: v1
`;

/** example/observed-deletion-sequencing.yaml */
export const OBSERVED_DELETION = `apiVersion: nop.crossplane.io/v1alpha1
kind: NopResource
metadata:
  annotations:
    crossplane.io/external-name: foo
    crossplane.io/composition-resource-name: first-resource
  name: first
spec:
  forProvider:
    conditionAfter:
      - conditionStatus: "True"
        conditionType: Ready
        time: 1s
      - conditionStatus: "False"
        conditionType: Ready
        time: 0s
status:
  atProvider: {}
  conditions:
    - lastTransitionTime: "2024-02-17T11:56:27Z"
      reason: ReconcileSuccess
      status: "True"
      type: Synced
    - lastTransitionTime: "2024-02-17T11:56:28Z"
      reason: ""
      status: "True"
      type: Ready
---
apiVersion: nop.crossplane.io/v1alpha1
kind: NopResource
metadata:
  annotations:
    crossplane.io/external-name: bar
    crossplane.io/composition-resource-name: second-resource
  name: second
spec:
  forProvider:
    conditionAfter:
      - conditionStatus: "True"
        conditionType: Ready
        time: 1s
      - conditionStatus: "False"
        conditionType: Ready
        time: 0s
status:
  atProvider: {}
  conditions:
    - lastTransitionTime: "2024-02-17T11:56:27Z"
      reason: ReconcileSuccess
      status: "True"
      type: Synced
    - lastTransitionTime: "2024-02-17T11:56:28Z"
      reason: ""
      status: "True"
      type: Ready
---
apiVersion: nop.crossplane.io/v1alpha1
kind: NopResource
metadata:
  annotations:
    crossplane.io/external-name: baz
    crossplane.io/composition-resource-name: third-resource
  name: third
spec:
  forProvider:
    conditionAfter:
      - conditionStatus: "True"
        conditionType: Ready
        time: 1s
      - conditionStatus: "False"
        conditionType: Ready
        time: 0s
status:
  atProvider: {}
  conditions:
    - lastTransitionTime: "2024-02-17T11:56:27Z"
      reason: ReconcileSuccess
      status: "True"
      type: Synced
    - lastTransitionTime: "2024-02-17T11:56:28Z"
      reason: ""
      status: "True"
      type: Ready
`;

/** example/composition-conditional.yaml */
export const COMPOSITION_CONDITIONAL = `apiVersion: apiextensions.crossplane.io/v1
kind: Composition
metadata:
  name: function-sequencer-conditional
spec:
  compositeTypeRef:
    apiVersion: example.crossplane.io/v1
    kind: XR
  mode: Pipeline
  pipeline:
  - step: patch-and-transform
    functionRef:
      name: function-patch-and-transform
    input:
      apiVersion: pt.fn.crossplane.io/v1beta1
      kind: Resources
      resources:
        - name: first-resource
          base:
            apiVersion: nop.crossplane.io/v1alpha1
            kind: NopResource
            spec:
              forProvider:
                conditionAfter:
                  - time: 5s
                    conditionType: Ready
                    conditionStatus: "True"
        - name: second-resource
          base:
            apiVersion: nop.crossplane.io/v1alpha1
            kind: NopResource
            spec:
              forProvider:
                conditionAfter:
                  - time: 5s
                    conditionType: Ready
                    conditionStatus: "True"
        - name: optional-resource
          base:
            apiVersion: nop.crossplane.io/v1alpha1
            kind: NopResource
            spec:
              forProvider:
                conditionAfter:
                  - time: 5s
                    conditionType: Ready
                    conditionStatus: "True"
  - step: detect-readiness
    functionRef:
      name: function-auto-ready
  - step: sequence-creation
    functionRef:
      name: function-sequencer
    input:
      apiVersion: sequencer.fn.crossplane.io/v1beta1
      kind: Input
      enableDeletionSequencing: true
      rules:
        - sequence:
          - first-resource
          - second-resource
        - sequence:
          - second-resource
          - optional-resource
          condition: "observed.composite.resource.spec.enableOptional == true"
`;

/** example/composition-delete-only.yaml */
export const COMPOSITION_DELETE_ONLY = `apiVersion: apiextensions.crossplane.io/v1
kind: Composition
metadata:
  name: function-sequencer-delete-only
spec:
  compositeTypeRef:
    apiVersion: example.crossplane.io/v1
    kind: XR
  mode: Pipeline
  pipeline:
  - step: patch-and-transform
    functionRef:
      name: function-patch-and-transform
    input:
      apiVersion: pt.fn.crossplane.io/v1beta1
      kind: Resources
      resources:
        - name: first-resource
          base:
            apiVersion: nop.crossplane.io/v1alpha1
            kind: NopResource
            spec:
              forProvider:
                conditionAfter:
                  - time: 5s
                    conditionType: Ready
                    conditionStatus: "True"
        - name: second-resource
          base:
            apiVersion: nop.crossplane.io/v1alpha1
            kind: NopResource
            spec:
              forProvider:
                conditionAfter:
                  - time: 5s
                    conditionType: Ready
                    conditionStatus: "True"
  - step: detect-readiness
    functionRef:
      name: function-auto-ready
  - step: sequence-deletion-only
    functionRef:
      name: function-sequencer
    input:
      apiVersion: sequencer.fn.crossplane.io/v1beta1
      kind: Input
      enableDeletionSequencing: true
      replayDeletion: true
      rules:
        - sequence:
          - first-resource
          - second-resource
          deleteOnly: true
`;
