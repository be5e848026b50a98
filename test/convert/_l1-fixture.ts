/**
 * A Pipeline Composition whose composed kinds `imports/` has (plus one it does not), for the
 * tests of L1 classes in converted code, with its XRD.
 */
export const L1_XRD = `apiVersion: apiextensions.crossplane.io/v1
kind: CompositeResourceDefinition
metadata:
  name: xnetworks.l1.example.org
spec:
  group: l1.example.org
  names: {kind: XNetwork, plural: xnetworks}
  versions:
    - name: v1alpha1
      served: true
      referenceable: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                region: {type: string}
`;

export const L1_COMPOSITION = `apiVersion: apiextensions.crossplane.io/v1
kind: Composition
metadata:
  name: xnetworks.l1.example.org
spec:
  compositeTypeRef: {apiVersion: l1.example.org/v1alpha1, kind: XNetwork}
  mode: Pipeline
  pipeline:
    - step: patch-and-transform
      functionRef: {name: function-patch-and-transform}
      input:
        apiVersion: pt.fn.crossplane.io/v1beta1
        kind: Resources
        resources:
          # string enums written as YAML writes them
          - name: network
            base:
              apiVersion: compute.gcp.upbound.io/v1beta1
              kind: Network
              metadata:
                labels: {tier: network}
              spec:
                deletionPolicy: Delete
                managementPolicies: ["Observe", "Create"]
                forProvider: {autoCreateSubnetworks: false, routingMode: REGIONAL}
            patches:
              - fromFieldPath: spec.region
                toFieldPath: spec.forProvider.description
          # the same class name from another module
          - name: network-m
            base:
              apiVersion: compute.gcp.m.upbound.io/v1beta1
              kind: Network
              spec:
                forProvider: {autoCreateSubnetworks: true}
          # a field the props type renames (skipCRDs is skipCrDs)
          - name: release
            base:
              apiVersion: helm.crossplane.io/v1beta1
              kind: Release
              spec:
                forProvider:
                  chart: {name: nginx, repository: https://charts.example.org}
                  namespace: web
                  skipCRDs: true
                  values: {replicas: 2, image: {tag: "1.0"}}
            readinessChecks:
              - type: MatchString
                fieldPath: status.atProvider.state
                matchString: deployed
          # a kind without a class, and a base with a field its kind's schema lacks: both stay plain objects
          - name: bucket
            base:
              apiVersion: s3.aws.upbound.io/v1beta1
              kind: Bucket
              spec: {forProvider: {region: eu-west-1}}
          - name: network-unknown-field
            base:
              apiVersion: compute.gcp.upbound.io/v1beta1
              kind: Network
              spec:
                forProvider: {notAField: 1}
    - step: automatically-detect-ready-composed-resources
      functionRef: {name: function-auto-ready}
`;
